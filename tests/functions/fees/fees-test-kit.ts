import { createSandboxWorld, rid, type TestWorld } from '../../support/test-platform'
import type { SandboxPayments } from '../../../cloudfunctions/platform/local/sandbox-pay/sandbox-payments'
import { must } from '../../../cloudfunctions/core/kernel/db-result'
import { FEE_COLLECTIONS, type BillDoc } from '../../../cloudfunctions/core/fees/fee.model'
import { OWNER, FAMILY, STEWARD, STEWARD2, OPS } from '../../support/personas'
import { callerIn } from '../../support/typed-world'
import { feesContract } from '../../../cloudfunctions/contracts/fees.contract'

/** Demo personas come from one module (tests/support/personas.ts). */
export { OWNER, FAMILY, STEWARD, STEWARD2, OPS }

export const HOUSEHOLD = 'h-1-1-101'
export const COMMUNITY = 'c-sunshine'

/** Replies are read loosely in these tests (`res.data.…` after asserting `ok`), so they are typed `any`. */
export interface FeesWorld extends Omit<TestWorld, 'call' | 'console' | 'timer'> {
  sandbox: SandboxPayments
  call(fn: string, openid: string, event: Record<string, unknown>): Promise<any>
  console(fn: string, event: Record<string, unknown>): Promise<any>
  timer(fn: string, triggerName: string): Promise<any>
}

/** The seeded demo world (clock 2026-11-22T02:00Z): fee items and bills for 2026-09 … 2026-11. */
export async function openFeesWorld(clockAt?: string): Promise<FeesWorld> {
  return createSandboxWorld({ clockAt })
}

export async function billsWhere(world: FeesWorld, where: Record<string, unknown>): Promise<BillDoc[]> {
  const out: BillDoc[] = []
  for (let skip = 0; ; skip += 1000) {
    const page = must(await world.platform.db.collection(FEE_COLLECTIONS.bills).where(where).orderBy('_id', 'asc').skip(skip).limit(1000).get()).data as BillDoc[]
    out.push(...page)
    if (page.length < 1000) return out
  }
}

export async function billDoc(world: FeesWorld, id: string): Promise<BillDoc> {
  return (must(await world.platform.db.collection(FEE_COLLECTIONS.bills).doc(id).get()).data as BillDoc[])[0]
}

/** The caller's unpaid bill ids (oldest first within each item). */
export async function unpaidIds(world: FeesWorld, openid = OWNER): Promise<string[]> {
  const res = await callerIn(world, openid).call(feesContract, 'unpaid', {})
  return res.households.flatMap((h) => h.items.flatMap((g) => g.bills.map((b) => b.billId)))
}

/** Pays bills through the sandbox the way the mini-program does: pay → the person confirms the sheet. */
export async function payAndConfirm(world: FeesWorld, billIds: string[], openid = OWNER): Promise<string> {
  const res = await callerIn(world, openid).call(feesContract, 'pay', { billIds })
  const { reply } = await world.sandbox.confirm(res.payment.prepayId, openid)
  if (reply.errcode !== 0) throw new Error(`notify refused: ${reply.errmsg}`)
  return res.orderId
}
