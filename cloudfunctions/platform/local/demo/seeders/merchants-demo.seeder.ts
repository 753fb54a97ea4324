import { must } from '../../../../core/kernel/db-result'
import { hashPhone } from '../../../../core/households/phone'
import { COLLECTIONS } from '../../../../core/households/registry-collections'
import { MERCHANT_COLLECTIONS, type ListingDoc, type MerchantDoc, type MerchantStaffDoc } from '../../../../core/merchants/merchant.model'
import { pendingReceiver } from '../../../../core/merchants/receiver.service'
import type { DemoSeeder } from '../seed-context'
import { DEMO_COMMUNITY_ID } from '../personas'

export const DEMO_MERCHANTS = {
  cleaning: { id: 'm-jiejia', name: '洁家家政服务', staffOpenid: 'demo-merchant', staffName: '周姐', account: '1900012345', rateBp: 800 },
  fruit: { id: 'm-xianfeng', name: '鲜丰果蔬', staffOpenid: 'demo-merchant-2', staffName: '小林', account: '1900054321', rateBp: 600 },
} as const

/**
 * Two merchants of 阳光花园 with one employee each: 洁家家政 sells the 上门保洁 service at its default 8%,
 * 鲜丰果蔬 sells the orange group buy at 10% instead of its default 6% (a launch deal, with the reason).
 * No orders are invented: the merchants' figures come from what people do in the demo. Their 分账 receivers
 * start pending, as after onboarding with WeChat Pay unreachable: the reconcile timer registers them.
 */
export const merchantsDemoSeeder: DemoSeeder = {
  name: 'merchants',
  seed: async ({ db, now, pepper }) => {
    const merchants: MerchantDoc[] = [
      { _id: DEMO_MERCHANTS.cleaning.id, name: DEMO_MERCHANTS.cleaning.name, licenceNo: '91330106MA2KXJ8Q1F', contactName: '周丽', contactPhoneHash: hashPhone('13900008801', pepper), contactPhoneLast4: '8801', settlementAccount: DEMO_MERCHANTS.cleaning.account, defaultRateBp: DEMO_MERCHANTS.cleaning.rateBp, issuesInvoices: true, communityIds: [DEMO_COMMUNITY_ID], status: 'active', receiver: pendingReceiver(DEMO_MERCHANTS.cleaning.account, now), createdAt: now, updatedAt: now },
      { _id: DEMO_MERCHANTS.fruit.id, name: DEMO_MERCHANTS.fruit.name, licenceNo: '92330106MA2H7P3L6T', contactName: '林强', contactPhoneHash: hashPhone('13900008802', pepper), contactPhoneLast4: '8802', settlementAccount: DEMO_MERCHANTS.fruit.account, defaultRateBp: DEMO_MERCHANTS.fruit.rateBp, issuesInvoices: true, communityIds: [DEMO_COMMUNITY_ID], status: 'active', receiver: pendingReceiver(DEMO_MERCHANTS.fruit.account, now), createdAt: now, updatedAt: now },
    ]
    for (const { _id, ...m } of merchants) must(await db.collection(MERCHANT_COLLECTIONS.merchants).doc(_id).set(m))
    for (const m of [DEMO_MERCHANTS.cleaning, DEMO_MERCHANTS.fruit]) {
      const link: Omit<MerchantStaffDoc, '_id'> = { merchantId: m.id, openid: m.staffOpenid, name: m.staffName, communityId: DEMO_COMMUNITY_ID, status: 'active', updatedAt: now }
      must(await db.collection(MERCHANT_COLLECTIONS.staff).doc(`ms_${m.staffOpenid}`).set(link))
      must(await db.collection(COLLECTIONS.staff).doc(`s-${m.staffOpenid}`).set({ openid: m.staffOpenid, communityId: DEMO_COMMUNITY_ID, role: 'merchant', name: m.staffName, status: 'active', updatedAt: now }))
    }
    const listings: ListingDoc[] = [
      { _id: 'service-svc-cleaning', kind: 'service', refId: 'svc-cleaning', communityId: DEMO_COMMUNITY_ID, sellerKind: 'merchant', merchantId: DEMO_MERCHANTS.cleaning.id, rateBp: 800, rateReason: null, updatedBy: 'seed', updatedAt: now },
      { _id: 'groupbuy-gb-demo-oranges', kind: 'groupbuy', refId: 'gb-demo-oranges', communityId: DEMO_COMMUNITY_ID, sellerKind: 'merchant', merchantId: DEMO_MERCHANTS.fruit.id, rateBp: 1000, rateReason: '首发活动，物业承担推广', updatedBy: 'seed', updatedAt: now },
    ]
    for (const { _id, ...l } of listings) must(await db.collection(MERCHANT_COLLECTIONS.listings).doc(_id).set(l))
  },
}
