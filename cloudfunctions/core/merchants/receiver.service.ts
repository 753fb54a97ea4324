import type { Platform } from '../kernel/platform'
import { must } from '../kernel/db-result'
import { requirePort } from '../kernel/platform'
import { ProfitSharingRefused } from '../kernel/ports/profit-sharing.port'
import { MERCHANT_COLLECTIONS, type MerchantDoc, type ReceiverState } from './merchant.model'

/** A fresh receiver state for an account (onboarding, or the settlement account changed). */
export function pendingReceiver(account: string, now: Date): ReceiverState {
  return { state: 'pending', type: 'MERCHANT_ID', account, relation: 'SUPPLIER', lastError: null, attempts: 0, addedAt: null, updatedAt: now }
}

/**
 * Makes the merchant's settlement account a 分账 receiver of the property company (POST
 * /v3/profitsharing/receivers/add, type MERCHANT_ID, the merchant's full name, relation SUPPLIER). Safe to
 * repeat: WeChat answers the same for a receiver it has, and our state moves only for the account it was
 * asked about (conditional on `receiver.account`), so a settlement account changed meanwhile is not marked
 * added by an answer about the old one. A refusal (4xx) is `failed` with WeChat's reason for ops to see;
 * anything else (network, 5xx) stays `pending` for the reconcile timer.
 */
export async function registerReceiver(platform: Platform, merchant: MerchantDoc): Promise<ReceiverState> {
  const now = platform.clock.now()
  const current = merchant.receiver?.account === merchant.settlementAccount ? merchant.receiver : pendingReceiver(merchant.settlementAccount, now)
  if (current.state === 'added') return current
  let next: ReceiverState
  try {
    await requirePort(platform, 'profitSharing').addReceiver({ type: 'MERCHANT_ID', account: current.account, name: merchant.name, relation_type: 'SUPPLIER' })
    next = { ...current, state: 'added', lastError: null, attempts: current.attempts + 1, addedAt: now, updatedAt: now }
  } catch (e) {
    const refused = e instanceof ProfitSharingRefused
    next = { ...current, state: refused ? 'failed' : 'pending', lastError: (e as Error).message.slice(0, 200), attempts: current.attempts + 1, updatedAt: now }
    platform.logger.warn('merchants.receiver_not_added', { merchantId: merchant._id, refused, errorMessage: next.lastError })
  }
  const _ = platform.db.command
  must(await platform.db.collection(MERCHANT_COLLECTIONS.merchants).where({ _id: merchant._id, settlementAccount: current.account }).update({ receiver: _.set(next) }))
  return next
}

/** The timer's part: merchants whose receiver is still pending (or who predate receivers), a few per run. */
export async function registerPendingReceivers(platform: Platform, limit = 20): Promise<{ added: number; waiting: number; failed: number }> {
  const _ = platform.db.command
  const rows = must(
    await platform.db
      .collection(MERCHANT_COLLECTIONS.merchants)
      .where(_.or([{ 'receiver.state': 'pending' }, { receiver: _.exists(false) }]))
      .limit(limit)
      .get(),
  ).data as MerchantDoc[]
  const out = { added: 0, waiting: 0, failed: 0 }
  for (const m of rows) {
    const r = await registerReceiver(platform, m)
    if (r.state === 'added') out.added += 1
    else if (r.state === 'failed') out.failed += 1
    else out.waiting += 1
  }
  return out
}
