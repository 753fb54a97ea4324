import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { SEGMENT_COLLECTIONS, type ConsentDoc } from './segment.model'

/**
 * WeChat subscribe messages are one-time: each "allow" in wx.requestSubscribeMessage lets the mini-program
 * send one message of that template to that person, and nothing without it. The mini-program asks on a tap
 * (我的 → 推送设置, and after a group-buy order) and reports each answer here; a push sends a subscribe
 * message only against a credit and otherwise leaves the 消息中心 copy alone.
 */
export const consentId = (openid: string, template: string) => `${openid}:${template}`

export type ConsentAnswer = 'accept' | 'reject' | 'ban'

/** Records one answer of WeChat's dialog: accept adds a credit, ban (总是拒绝) clears them, reject changes nothing. */
export async function recordConsent(db: Db, openid: string, template: string, answer: ConsentAnswer, now: Date): Promise<{ template: string; credits: number }> {
  const _ = db.command
  const id = consentId(openid, template)
  if (answer === 'accept') {
    must(await db.collection(SEGMENT_COLLECTIONS.consents).doc(id).update({ credits: _.inc(1), banned: false, updatedAt: now }))
    const row = (must(await db.collection(SEGMENT_COLLECTIONS.consents).doc(id).get()).data as ConsentDoc[])[0]
    if (row) return { template, credits: row.credits }
    // First consent of this person: create the row (a racing first tap lands on update on its retry).
    const doc: Omit<ConsentDoc, '_id'> = { openid, template, credits: 1, lastUse: null, banned: false, updatedAt: now }
    must(await db.collection(SEGMENT_COLLECTIONS.consents).doc(id).set(doc))
    return { template, credits: 1 }
  }
  if (answer === 'ban') {
    const doc: Omit<ConsentDoc, '_id'> = { openid, template, credits: 0, lastUse: null, banned: true, updatedAt: now }
    must(await db.collection(SEGMENT_COLLECTIONS.consents).doc(id).set(doc))
    return { template, credits: 0 }
  }
  return { template, credits: await consentCredits(db, openid, template) }
}

export async function consentCredits(db: Db, openid: string, template: string): Promise<number> {
  const row = (must(await db.collection(SEGMENT_COLLECTIONS.consents).doc(consentId(openid, template)).get()).data as ConsentDoc[])[0]
  return row?.credits ?? 0
}

/**
 * Takes one credit for `deliveryId`, atomically (a conditional update: never below zero, never two pushes
 * on one credit). True when this delivery may send a subscribe message: it took a credit now, or it took
 * one in an earlier run of the same push (a retry must not take a second).
 */
export async function useConsent(db: Db, openid: string, template: string, deliveryId: string): Promise<boolean> {
  const _ = db.command
  const id = consentId(openid, template)
  const took = must(await db.collection(SEGMENT_COLLECTIONS.consents).where({ _id: id, credits: _.gt(0), lastUse: _.neq(deliveryId) }).update({ credits: _.inc(-1), lastUse: deliveryId }))
  if (took.updated === 1) return true
  const row = (must(await db.collection(SEGMENT_COLLECTIONS.consents).doc(id).get()).data as ConsentDoc[])[0]
  return row?.lastUse === deliveryId
}
