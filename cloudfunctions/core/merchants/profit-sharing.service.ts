import { must } from '../kernel/db-result'
import { requirePort } from '../kernel/platform'
import type { ProfitSharingOrder, ProfitSharingReturn } from '../kernel/ports/profit-sharing.port'
import type { OrderHookContext } from '../orders'
import { MERCHANT_COLLECTIONS, type ProfitShareDoc, type ShareState } from './merchant.model'
import { splitShareId } from './split.service'
import { registerReceiver } from './receiver.service'
import type { MerchantDoc } from './merchant.model'

const P = MERCHANT_COLLECTIONS.shares

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

/**
 * Applies an answer (from a submit, a query or a replayed callback) to our record. Conditional on the
 * record not being final yet, so a replay, a late answer or two sweeps at once change nothing twice.
 */
export async function applyShareResult(ctx: OrderHookContext, shareId: string, state: ShareState, wechatId: string | null, failReason: string | null): Promise<boolean> {
  if (state === 'pending') return false
  const _ = ctx.platform.db.command
  const res = must(
    await ctx.platform.db
      .collection(P)
      .where({ _id: shareId, state: _.in(['pending', 'processing']) })
      .update({ state, wechatId, failReason, updatedAt: ctx.now() }),
  )
  return res.updated === 1
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
