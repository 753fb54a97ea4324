import { localCloudIdFor } from '../../../cloudfunctions/platform/local/open-gid.local'
import type { Fixtures } from './hardening-world'
import { COMMUNITY, HOUSEHOLD, OTHER_COMMUNITY } from './hardening-world'
import type { Role } from './roles'

/**
 * For every action: a minimal VALID input aimed at the demo owner's household (1栋1单元101) or the
 * steward's grid (b-1…b-3), and the role the action is meant for (the fault-injection suite runs each
 * mutating action as that role). Keys are `function.action`; a test checks this covers the registry.
 */
export interface ActionInput {
  input: (fx: Fixtures) => Record<string, unknown>
  principal: Role
  /** A smaller target for the fault suite, which runs the action once per database call it makes. */
  faultInput?: (fx: Fixtures) => Record<string, unknown>
}

const HOUR = 3600_000
const iso = (fx: Fixtures, plusMs: number) => new Date(fx.now.getTime() + plusMs).toISOString()
const household = () => ({ householdId: HOUSEHOLD })
const community = () => ({ communityId: COMMUNITY })
const none = () => ({})
const as = (principal: Role, input: ActionInput['input'] = none): ActionInput => ({ input, principal })

export const ACTION_INPUTS: Record<string, ActionInput> = {
  // ---- households ----
  'households.me': as('owner'),
  'households.notices': as('owner', community),
  'households.notice': as('owner', () => ({ id: 'n-heating' })),
  'households.listCommunities': as('unbound'),
  'households.listBuildings': as('unbound', community),
  'households.listUnits': as('unbound', () => ({ buildingId: 'b-1' })),
  'households.listRooms': as('unbound', () => ({ buildingId: 'b-1', unit: '1单元' })),
  'households.clearBindLock': as('steward', household),
  'households.bind': as('unbound', () => ({ householdId: 'h-2-1-301', ownerName: '刘洋', phone: '13800002301' })),
  'households.createInvite': as('owner', () => ({ ...household(), role: 'family' })),
  'households.inviteInfo': as('unbound', (fx) => ({ code: fx.inviteCode })),
  'households.acceptInvite': as('unbound', (fx) => ({ code: fx.inviteCode, nickname: '小王' })),
  'households.members': as('owner', household),
  'households.approveMember': as('owner', (fx) => ({ ...household(), memberId: fx.pendingMemberId })),
  'households.setSharing': as('owner', () => ({ ...household(), family: true, tenant: true })),
  'households.removeMember': as('owner', (fx) => ({ ...household(), memberId: fx.familyMemberId })),
  'households.switchHousehold': as('owner', household),
  'households.householdDetail': as('owner', household),
  'households.stewardGrid': as('steward'),
  'households.stewardHouseholds': as('steward', () => ({ buildingId: 'b-1' })),
  'households.inbox': as('owner', () => ({ limit: 20 })),
  'households.inboxRead': as('owner', () => ({ ids: 'all' })),
  'households.workbench': as('steward'),

  // ---- ops (console events; a WeChat user who is ops of the community may run them too) ----
  'ops.upsertCommunity': as('console', () => ({ ...community(), name: '阳光花园', city: '杭州' })),
  'ops.importHouseholds': as('console', () => ({ ...community(), csv: '楼栋,单元,房号,面积,业主姓名,业主手机\n7栋,1单元,101,90,孙七,13700000007\n' })),
  'ops.assignGrid': as('console', () => ({ ...community(), stewardOpenid: 'demo-steward', buildings: ['1栋', '2栋'] })),
  'ops.addStaff': as('console', () => ({ ...community(), openid: 'hj-new-tech', role: 'technician', name: '钱工' })),
  'ops.removeStaff': as('console', () => ({ ...community(), openid: 'demo-steward-2', role: 'steward' })),
  'ops.listStaff': as('console', community),
  'ops.removeResident': as('console', (fx) => ({ ...household(), memberId: fx.familyMemberId })),
  'ops.bootstrapOps': as('ops', () => ({ ...community(), name: '新运营' })),
  'ops.groupbuyCreateCampaign': as('console', (fx) => ({
    ...community(),
    title: '冬季大白菜',
    minParticipants: 2,
    deadline: iso(fx, 48 * HOUR),
    pickup: { point: '物业服务中心', startsAt: iso(fx, 72 * HOUR), endsAt: iso(fx, 78 * HOUR) },
    skus: [{ title: '大白菜 10斤', priceFen: 1990, stock: 30, limitPerHousehold: 2 }],
  })),
  'ops.groupbuyPublishCampaign': as('console', (fx) => ({ campaignId: fx.campaignDraft })),
  'ops.groupbuyCampaigns': as('console', community),
  'ops.groupbuyCloseNow': as('console', (fx) => ({ campaignId: fx.campaignToClose })),
  'ops.groupbuyCloseDue': as('console'),
  'ops.upsertFeeItem': as('console', () => ({ ...community(), code: 'hj-garbage', name: '垃圾清运费', kind: 'fixed', amountFen: 1000 })),
  'ops.archiveFeeItem': as('console', () => ({ ...community(), code: 'parking' })),
  'ops.listFeeItems': as('console', community),
  'ops.importMeterReadings': as('console', () => ({ ...community(), code: 'water', period: '2026-12', csv: '楼栋,单元,房号,上期读数,本期读数\n1栋,1单元,101,300,310\n' })),
  // The demo community's 360 households make a run of ~40 calls; the fault suite bills the two of 翠湖苑.
  'ops.runBills': { ...as('console', () => ({ ...community(), period: '2026-12' })), faultInput: () => ({ communityId: OTHER_COMMUNITY, period: '2026-12' }) },
  'ops.billRunProgress': as('console', () => ({ ...community(), period: '2026-11' })),
  'ops.listFeeInvoices': as('console', community),
  'ops.markFeeInvoiceIssued': as('console', (fx) => ({ invoiceId: fx.invoiceId, invoiceNo: 'NO20261122001' })),
  'ops.feeCollectionReport': as('console', () => ({ ...community(), period: '2026-11' })),

  'ops.attributionSetCommunityRules': as('console', () => ({ ...community(), windowDays: 5, rates: { groupbuy: 800 } })),
  'ops.attributionSetCampaignRule': as('console', (fx) => ({ campaignId: fx.campaignOpen, windowDays: 3, rateBp: 1000 })),
  'ops.attributionReport': as('console', community),
  'ops.opsDashboard': as('console', community),
  'ops.opsExport': as('console', community),
  'ops.attributionSettle': as('console', () => ({ period: '2026-10' })),
  'ops.attributionStatements': as('console', () => ({ ...community(), period: '2026-10' })),
  'ops.attributionExplain': as('console', (fx) => ({ orderId: fx.orderFulfilled })),
  'ops.attributionReconcile': as('console'),

  // ---- attribution ----
  'attribution.recordTouch': as('owner', () => ({ stewardId: 's-steward', source: 'steward_card' })),
  'attribution.dashboard': as('steward'),
  'attribution.statement': as('steward'),
  'attribution.stewardCard': as('unbound', () => ({ stewardId: 's-steward' })),

  // ---- groups ----
  'groups.createGroup': as('steward', () => ({ ...community(), name: '阳光花园1栋新群', kind: 'owners', buildingIds: ['b-1'] })),
  'groups.updateGroup': as('steward', () => ({ groupId: 'grp-demo-owners-1', name: '阳光花园1–3栋业主一群' })),
  'groups.myGroups': as('steward'),
  'groups.bindGroup': as('steward', () => ({ groupId: 'grp-demo-owners-2', cloudID: localCloudIdFor('阳光花园1–3栋业主2群') })),
  'groups.uploadCode': as('steward', (fx) => ({ groupId: 'grp-demo-owners-1', fileId: fx.qrFileId, savedAt: iso(fx, 0) })),
  'groups.todayTasks': as('steward'),
  'groups.ackTask': as('steward', (fx) => ({ taskId: fx.alertId })),
  'groups.playbook': as('steward', () => ({ groupId: 'grp-demo-owners-1' })),
  'groups.searchReplies': as('steward', () => ({ keyword: '停车' })),
  'groups.membersToMove': as('steward', () => ({ groupId: 'grp-demo-old' })),
  'groups.inviteMerchant': as('steward', () => ({ ...community(), shopName: '水果店' })),
  'groups.claimMerchant': as('unbound', (fx) => ({ code: fx.merchantCode })),
  'groups.join': as('family', household),
  'groups.confirmJoined': as('owner', (fx) => ({ groupId: fx.joinedGroupId })),
  'groups.myMemberships': as('owner'),
  'groups.recordEntry': as('owner', () => ({ cloudID: localCloudIdFor('阳光花园1–3栋业主1群') })),

  // ---- access ----
  'access.myDoors': as('owner', household),
  'access.issuePass': as('owner', household),
  'access.remoteOpen': as('owner', () => ({ doorId: 'd-sun-1-1', ...household() })),
  'access.createVisitorPass': as('owner', (fx) => ({ ...household(), visitorName: '张访客', startsAt: iso(fx, 0), endsAt: iso(fx, 2 * HOUR), maxUses: 2, doorIds: ['d-sun-gate-s'] })),
  'access.myVisitorPasses': as('owner', household),
  'access.revokeVisitorPass': as('owner', (fx) => ({ passId: fx.visitorPass.passId })),
  'access.visitorPass': as('unbound', (fx) => ({ ...fx.visitorPass })),
  'access.visitorCode': as('unbound', (fx) => ({ ...fx.visitorPass })),
  'access.visitorOpen': as('unbound', (fx) => ({ ...fx.visitorPass, doorId: 'd-sun-gate-s' })),
  'access.myAccessLog': as('owner'),
  'access.accessLog': as('ops', community),
  'access.readerVerify': as('console', (fx) => ({ doorId: 'd-sun-1-1', code: fx.readerCode })),

  // ---- orders ----
  'orders.serviceCatalog': as('owner'),
  'orders.createServiceOrder': as('owner', () => ({ ...household(), serviceItemId: 'svc-cleaning' })),
  'orders.list': as('owner'),
  'orders.detail': as('owner', (fx) => ({ orderId: fx.orderPaid })),
  'orders.pay': as('owner', (fx) => ({ orderId: fx.orderUnpaid })),
  'orders.cancel': as('owner', (fx) => ({ orderId: fx.orderUnpaid })),
  'orders.requestRefund': as('owner', (fx) => ({ orderId: fx.orderPaid, reason: '临时有事，不需要了' })),
  'orders.refund': as('console', (fx) => ({ orderId: fx.orderPaid, reason: '协商退款' })),
  'orders.fulfil': as('console', (fx) => ({ orderId: fx.orderPaid })),
  'orders.complete': as('console', (fx) => ({ orderId: fx.orderFulfilled })),

  // ---- paycallback (WeChat Pay's callback; a forged notify must change nothing) ----
  'paycallback.payNotify': as('console', (fx) => ({
    notify: { returnCode: 'SUCCESS', resultCode: 'SUCCESS', outTradeNo: fx.orderUnpaid, transactionId: '4200000000000000000000000001', totalFee: 8800 },
  })),
  'paycallback.refundNotify': as('console', (fx) => ({
    notify: { returnCode: 'SUCCESS', reqInfo: { outTradeNo: fx.orderPaid, outRefundNo: 'rf-forged-0001', refundFee: 8800, refundStatus: 'SUCCESS' } },
  })),

  // ---- repairs ----
  'repairs.create': as('owner', () => ({ place: { kind: 'household', ...household() }, category: 'plumbing', description: '阳台下水管漏水，地面有积水' })),
  'repairs.mine': as('owner'),
  'repairs.detail': as('owner', (fx) => ({ ticketId: fx.ticketAssigned })),
  'repairs.cancel': as('owner', (fx) => ({ ticketId: fx.ticketAssigned, reason: '自己修好了' })),
  'repairs.rate': as('owner', (fx) => ({ ticketId: fx.ticketCompleted, arrival: 5, attitude: 5, process: 4, etiquette: 5, comment: '师傅很专业' })),
  'repairs.reopen': as('owner', (fx) => ({ ticketId: fx.ticketCompleted, reason: '灯又不亮了' })),
  'repairs.queue': as('technician'),
  'repairs.accept': as('technician', (fx) => ({ ticketId: fx.ticketAssigned })),
  'repairs.start': as('technician', (fx) => ({ ticketId: fx.ticketAccepted })),
  'repairs.complete': as('technician', (fx) => ({ ticketId: fx.ticketInProgress, note: '更换地漏芯，已不反味' })),
  'repairs.setAvailability': as('technician', () => ({ available: false })),
  'repairs.myDuty': as('technician'),
  'repairs.gridTickets': as('steward'),
  'repairs.technicians': as('steward'),
  'repairs.reassign': as('steward', (fx) => ({ ticketId: fx.ticketAssigned, technicianId: 's-technician-2', note: '赵工休假' })),
  'repairs.satisfaction': as('steward'),

  // ---- groupbuy ----
  'groupbuy.campaigns': as('owner', community),
  'groupbuy.campaign': as('owner', (fx) => ({ campaignId: fx.campaignOpen })),
  'groupbuy.placeOrder': as('owner', (fx) => ({ campaignId: fx.campaignOpen, ...household(), items: [{ skuId: fx.skuOpen, quantity: 1 }] })),
  'groupbuy.myOrders': as('owner'),
  'groupbuy.recordTouch': as('owner', (fx) => ({ campaignId: fx.campaignOpen, stewardId: 's-steward' })),
  'groupbuy.redeemPickup': as('steward', (fx) => ({ code: fx.pickupCode })),
  'groupbuy.myOrder': as('owner', (fx) => ({ orderId: fx.gbOrderId })),
  'groupbuy.pickupLookup': as('steward', (fx) => ({ code: fx.pickupCode })),
  // No redemption can be undone in the fixture world (its one order is fully picked up only by the test itself).
  'groupbuy.undoPickup': as('steward', () => ({ redemptionId: 'rd_missing' })),
  'groupbuy.todayPickups': as('steward'),
  'groupbuy.manageCampaigns': as('steward'),
  'groupbuy.campaignTemplates': as('steward'),
  'groupbuy.createCampaign': as('steward', (fx) => ({
    ...community(),
    title: '管家新建团购',
    minParticipants: 2,
    deadline: iso(fx, 48 * HOUR),
    pickup: { point: '物业服务中心', startsAt: iso(fx, 72 * HOUR), endsAt: iso(fx, 78 * HOUR) },
    skus: [{ title: '苹果 5斤', priceFen: 2990, stock: 50, limitPerHousehold: 5 }],
  })),
  'groupbuy.extendCampaign': as('steward', (fx) => ({ campaignId: fx.campaignToClose, deadline: iso(fx, 24 * 24 * HOUR), reason: '到货推迟' })),
  'groupbuy.closeCampaign': as('steward', (fx) => ({ campaignId: fx.campaignToClose, reason: '货已备齐' })),
  'groupbuy.campaignChanges': as('steward', (fx) => ({ campaignId: fx.campaignToClose })),
  'groupbuy.openPoll': as('steward', (fx) => ({
    ...community(),
    title: '严选大米',
    targetPriceFen: 4990,
    targetHouseholds: 10,
    deadline: iso(fx, 48 * HOUR),
    pickup: { point: '物业服务中心', startsAt: iso(fx, 96 * HOUR), endsAt: iso(fx, 100 * HOUR) },
  })),
  'groupbuy.polls': as('owner', community),
  'groupbuy.poll': as('owner', (fx) => ({ pollId: fx.pollOpen })),
  'groupbuy.registerIntent': as('owner', (fx) => ({ pollId: fx.pollOpen, ...household(), quantity: 1 })),
  'groupbuy.withdrawIntent': as('owner', (fx) => ({ pollId: fx.pollOpen, ...household() })),

  // ---- fees ----
  'fees.unpaid': as('owner', household),
  'fees.pay': as('owner', (fx) => ({ billIds: fx.unpaidBillIds })),
  'fees.history': as('owner', household),
  'fees.receipt': as('owner', (fx) => ({ receiptId: fx.receiptId })),
  'fees.requestInvoice': as('owner', (fx) => ({ billIds: fx.paidBillIds, title: { type: 'personal', name: '王先生' } })),
  'fees.invoices': as('owner', household),
  'fees.arrears': as('steward', community),
  'fees.remind': as('steward', () => ({ householdIds: [HOUSEHOLD] })),
  'fees.remindPreview': as('steward', () => ({ householdIds: [HOUSEHOLD] })),
  'fees.callOwner': as('steward', household),
  'fees.paidAfterReminder': as('steward'),

  // ---- profiles ----
  'profiles.catalog': as('steward', community),
  'profiles.previewSegment': as('steward', () => ({ ...community(), criteria: { buildingIds: ['b-1'], purchased: { category: '生鲜', withinDays: 30 } } })),
  'profiles.saveSegment': as('steward', () => ({ ...community(), name: '1栋生鲜', criteria: { buildingIds: ['b-1'], purchased: { category: '生鲜', withinDays: 30 } } })),
  'profiles.segments': as('steward', community),
  'profiles.push': as('steward', (fx) => ({ segmentId: fx.segmentId, title: '鸡蛋补货', body: '土鸡蛋补货了' })),
  'profiles.conversion': as('steward', community),
  'profiles.tagHousehold': as('steward', () => ({ ...household(), tagId: 'has-elderly', on: true })),
  'profiles.defineTag': as('ops', () => ({ ...community(), family: '居住属性', label: '独居老人' })),
  'profiles.slowMovers': as('ops', community),
  'profiles.markSlowMover': as('ops', (fx) => ({ ...community(), skuId: fx.skuOpen, slow: true })),
  'profiles.pushSetting': as('owner'),
  'profiles.setPushOptOut': as('owner', () => ({ optedOut: true })),
  'profiles.recordConsent': as('owner', () => ({ template: 'profile_push', answer: 'accept' })),
  'profiles.openPush': as('owner', (fx) => ({ pushId: fx.pushId })),
  'profiles.runInterest': as('console'),
  // ---- events ----
  'events.list': as('owner'),
  'events.detail': as('owner', () => ({ eventId: 'ev-demo-aircon' })),
  'events.signUp': as('owner', () => ({ eventId: 'ev-demo-dumplings' })),
  'events.cancelSignup': as('owner', () => ({ eventId: 'ev-demo-aircon' })),
  'events.scan': as('owner', (fx) => ({ eventId: 'ev-demo-aircon', code: fx.eventCode })),
  'events.create': as('steward', (fx) => ({ kind: 'community', title: '读书分享会', category: '教育', venue: '社区图书角', startsAt: iso(fx, 2 * HOUR), endsAt: iso(fx, 4 * HOUR), signupLimit: 15 })),
  'events.joinWaitlist': as('owner', () => ({ eventId: 'ev-demo-dumplings' })),
  'events.edit': as('steward', (fx) => ({ eventId: 'ev-demo-dumplings', title: '冬至包饺子（改期）', category: '其他', venue: '3栋架空层', description: '', startsAt: iso(fx, 50 * HOUR), endsAt: iso(fx, 52 * HOUR), signupLimit: 40 })),
  'events.cancel': as('steward', () => ({ eventId: 'ev-demo-dumplings', reason: '场地临时维修' })),
  'events.manageList': as('steward'),
  'events.code': as('steward', () => ({ eventId: 'ev-demo-aircon' })),
  'events.attendance': as('steward', () => ({ eventId: 'ev-demo-aircon' })),
  'events.activities': as('steward'),
  'events.submitCost': as('steward', (fx) => ({
    title: '签到台物料',
    item: 'material',
    amountFen: 3500,
    activities: [{ kind: 'event', id: 'ev-demo-aircon' }],
    bearers: [{ kind: 'property', name: '阳光物业' }],
    receipts: [fx.receiptFileId],
  })),
  'events.costs': as('steward'),
  'events.reviewCost': as('ops', () => ({ costId: 'cost-demo-prize', decision: 'approve' })),
  'events.roi': as('ops', community),
  'events.activitySettings': as('ops', (fx) => ({ ref: { kind: 'campaign', id: fx.campaignOpen }, marginRateBp: 1500 })),
  'events.roiSettings': as('ops'),
  'events.setRoiSettings': as('ops', () => ({ categoryMarginBp: { 生鲜: 1800 }, attributionDays: 5 })),
  // ---- merchants ----
  'merchants.invoiceOrders': as('owner'),
  'merchants.requestInvoice': as('owner', (fx) => ({ orderId: fx.orderPaid, title: { type: 'personal', name: '王先生' } })),
  'merchants.board': as('merchant'),
  'merchants.orders': as('merchant'),
  'merchants.markDelivered': as('merchant', (fx) => ({ orderId: fx.orderPaid })),
  'merchants.statements': as('merchant'),
  'merchants.statementEntries': as('merchant', () => ({ statementId: 'mst_none' })),
  'merchants.invoiceQueue': as('merchant'),
  'merchants.issueInvoice': as('merchant', (fx) => ({ invoiceId: `inv-${fx.orderFulfilled}`, invoiceNo: '2026120300001' })),
  'merchants.orderSplit': as('merchant', (fx) => ({ orderId: fx.orderPaid })),
  'merchants.splits': as('ops', community),
  'merchants.sellerOptions': as('ops', community),
  'merchants.retryReceiver': as('ops', () => ({ ...community(), merchantId: 'm-jiejia' })),
  'merchants.list': as('ops', community),
  'merchants.onboard': as('ops', () => ({ ...community(), name: '安心送水', licenceNo: '91330106MA2K00001X', contactName: '钱师傅', contactPhone: '13900001234', settlementAccount: '1900099999', defaultRateBp: 500, issuesInvoices: false })),
  'merchants.setStatus': as('ops', () => ({ ...community(), merchantId: 'm-xianfeng', status: 'suspended' })),
  'merchants.addStaff': as('ops', () => ({ ...community(), merchantId: 'm-xianfeng', openid: 'hj-new-merchant', name: '小王' })),
  'merchants.setSeller': as('ops', () => ({ ...community(), kind: 'service', refId: 'svc-pipe', merchantId: 'm-jiejia' })),
  'merchants.report': as('ops', () => ({ ...community(), month: '2026-11' })),
  'merchants.exportReport': as('ops', () => ({ ...community(), month: '2026-11' })),
  'merchants.settle': as('console', () => ({ period: '2026-10' })),
  'merchants.reconcileSharing': as('console'),
}
