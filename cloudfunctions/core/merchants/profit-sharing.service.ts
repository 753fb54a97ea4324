import { must } from '../kernel/db-result'
import { runTx, txGet, txWrite } from '../kernel/transaction'
import { monthOf } from '../metrics'
import { requirePort } from '../kernel/platform'
import type { ProfitSharingOrder, ProfitSharingReturn } from '../kernel/ports/profit-sharing.port'
import type { OrderHookContext } from '../orders'
import { MERCHANT_COLLECTIONS, type MerchantLedgerDoc, type ProfitShareDoc, type ShareState, type SplitDoc } from './merchant.model'
import { splitShareId } from './split.service'
import { registerReceiver } from './receiver.service'
import type { MerchantDoc } from './merchant.model'

const P = MERCHANT_COLLECTIONS.shares
const L = MERCHANT_COLLECTIONS.ledger

export interface SharingSweep {
  submitted: number
  finished: number
  failed: number
  waiting: number
}

/** WeChat's answer → our state: a split is done when every receiver is; a return when it succeeded. */
export function stateOfOrder(o: ProfitSharingOrder): ShareState {
  if (o.state !== 'FINISHED') return 'processing'
  return o.receivers.every((r) => r.result === 'SUCCESS') ? 'finished' : 'failed'
}
export function stateOfReturn(r: ProfitSharingReturn): ShareState {
  return r.result === 'SUCCESS' ? 'finished' : r.result === 'FAILED' ? 'failed' : 'processing'
}

/** The ledger entry compensating a 分账 record that ended without moving money (one per record). */
export const unsharedEntryId = (shareId: string) => `psx-${shareId}`

/**
 * Applies an answer (from a submit, a query or a replayed callback) to our record. Conditional on the
 * record not being final yet, so a replay, a late answer or two sweeps at once change nothing twice.
 * A record ending `failed` moved no money: in the same transaction an `unshared` ledger entry (keyed by the
 * record) gives its amount back to the statement — a failed split is then paid by the statement, a failed
 * return is deducted by it (the merchant kept that money).
 */
export async function applyShareResult(ctx: OrderHookContext, shareId: string, state: ShareState, wechatId: string | null, failReason: string | null): Promise<boolean> {
  if (state === 'pending') return false
  const now = ctx.now()
  return runTx(ctx.platform.db, async (t) => {
    const share = await txGet<ProfitShareDoc>(t, P, shareId)
    if (!share || (share.state !== 'pending' && share.state !== 'processing')) return false
    await txWrite(t.collection(P).doc(shareId).update({ state, wechatId, failReason, updatedAt: now }))
    if (state === 'failed') await compensateInTx(t, share, now)
    return true
  })
}

async function compensateInTx(t: Parameters<Parameters<typeof runTx>[1]>[0], share: ProfitShareDoc, now: Date) {
  const id = unsharedEntryId(share._id)
  if (await txGet<MerchantLedgerDoc>(t, L, id)) return
  const split = await txGet<SplitDoc>(t, MERCHANT_COLLECTIONS.splits, share.orderId)
  const entry: Omit<MerchantLedgerDoc, '_id'> = {
    kind: 'unshared',
    merchantId: share.merchantId,
    communityId: split?.communityId ?? '',
    orderId: share.orderId,
    title: split?.title ?? '',
    grossFen: 0,
    merchantFen: 0,
    commissionFen: 0,
    at: now,
    availableMonth: monthOf(now),
    state: 'open',
    statementId: null,
    sharedFen: share.kind === 'split' ? -share.amountFen : 0,
    returnedFen: share.kind === 'return' ? -share.amountFen : 0,
    shareId: share._id,
  }
  await txWrite(t.collection(L).doc(id).set(entry))
}

/**
 * The reconcile timer: sends pending splits and returns (a return only once its split finished — WeChat
 * can take back only what it paid out), and asks about everything still processing. Same out_order_no /
 * out_return_no every time, so a retry after a lost answer is the same request at WeChat Pay.
 */
export async function sweepProfitSharing(ctx: OrderHookContext, limit = 100): Promise<SharingSweep> {
  const db = ctx.platform.db
  const _ = db.command
  const port = requirePort(ctx.platform, 'profitSharing')
  const open = must(await db.collection(P).where({ state: _.in(['pending', 'processing']) }).orderBy('updatedAt', 'asc').limit(limit).get()).data as ProfitShareDoc[]
  const sweep: SharingSweep = { submitted: 0, finished: 0, failed: 0, waiting: 0 }
  const receivers = new Map<string, boolean>()
  /** A split may only name a receiver WeChat has accepted: register it first (once per merchant per run). */
  const receiverReady = async (share: ProfitShareDoc): Promise<boolean> => {
    const key = `${share.merchantId}:${share.account}`
    if (!receivers.has(key)) {
      const merchant = (must(await db.collection(MERCHANT_COLLECTIONS.merchants).doc(share.merchantId).get()).data as MerchantDoc[])[0]
      const state = !merchant ? null : merchant.receiver?.state === 'added' && merchant.receiver.account === share.account ? merchant.receiver : await registerReceiver(ctx.platform, merchant)
      receivers.set(key, state?.state === 'added' && state.account === share.account)
    }
    return receivers.get(key)!
  }
  for (const share of open) {
    try {
      if (share.kind === 'split' && share.state === 'pending' && !(await receiverReady(share))) {
        sweep.waiting += 1
        continue
      }
      let state: ShareState
      let wechatId: string | null
      let failReason: string | null = null
      if (share.kind === 'split') {
        const answer =
          share.state === 'pending'
            ? await port.createOrder({
                transaction_id: share.transactionId,
                out_order_no: share.outOrderNo,
                receivers: [{ type: 'MERCHANT_ID', account: share.account, amount: share.amountFen, description: '商户货款分账' }],
                unfreeze_unsplit: true,
              })
            : await port.queryOrder(share.outOrderNo, share.transactionId)
        if (!answer) {
          await resubmitLater(ctx, share)
          sweep.waiting += 1
          continue
        }
        state = stateOfOrder(answer)
        wechatId = answer.order_id
        failReason = answer.receivers.find((r) => r.fail_reason)?.fail_reason ?? null
      } else {
        const parent = (must(await db.collection(P).doc(splitShareId(share.orderId)).get()).data as ProfitShareDoc[])[0]
        if (parent?.state === 'failed') {
          // The split never paid: nothing to take back. Closing the return compensates its entry too.
          if (await applyShareResult(ctx, share._id, 'failed', null, 'SPLIT_NOT_PAID')) sweep.failed += 1
          continue
        }
        if (parent?.state !== 'finished') {
          sweep.waiting += 1
          continue
        }
        const answer =
          share.state === 'pending'
            ? await port.createReturn({ out_order_no: share.outOrderNo, out_return_no: share.outReturnNo!, return_mchid: share.account, amount: share.amountFen, description: '用户退款，回退商户分账' })
            : await port.queryReturn(share.outReturnNo!, share.outOrderNo)
        if (!answer) {
          await resubmitLater(ctx, share)
          sweep.waiting += 1
          continue
        }
        state = stateOfReturn(answer)
        wechatId = answer.return_id
        failReason = answer.fail_reason ?? null
      }
      if (share.state === 'pending') sweep.submitted += 1
      await applyShareResult(ctx, share._id, state, wechatId, failReason)
      if (state === 'finished') sweep.finished += 1
      else if (state === 'failed') sweep.failed += 1
      else sweep.waiting += 1
    } catch (e) {
      // One bad record must not stop the others; it is retried next run and counted for the log.
      must(await db.collection(P).doc(share._id).update({ attempts: share.attempts + 1, failReason: (e as Error).message?.slice(0, 200) ?? 'error', updatedAt: ctx.now() }))
      ctx.platform.logger.warn('merchants.sharing_failed', { shareId: share._id, errorMessage: (e as Error).message })
      sweep.waiting += 1
    }
  }
  ctx.platform.logger.info('merchants.sharing.sweep', { ...sweep })
  return sweep
}

export async function sharesOfOrder(ctx: Pick<OrderHookContext, 'platform'>, orderId: string): Promise<ProfitShareDoc[]> {
  return must(await ctx.platform.db.collection(P).where({ orderId }).limit(50).get()).data as ProfitShareDoc[]
}

/** WeChat Pay does not know a request we think it accepted (the answer was lost): send it again next run. */
async function resubmitLater(ctx: OrderHookContext, share: ProfitShareDoc) {
  if (share.state !== 'processing') return
  must(await ctx.platform.db.collection(P).where({ _id: share._id, state: 'processing' }).update({ state: 'pending', updatedAt: ctx.now() }))
}
