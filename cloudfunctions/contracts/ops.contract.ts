import { audienceOf, defineContract } from './envelope'
import { opsHouseholdsActions } from './ops-households.schemas'
import { opsGroupbuyActions } from './ops-groupbuy.schemas'
import { opsFeesActions } from './ops-fees.schemas'
import { opsAttributionActions } from './ops-attribution.schemas'
import { opsDashboardActions } from './ops-dashboard.schemas'

/**
 * The `ops` function: events an ops person runs from the CloudBase console (or the ops pages).
 * Each area keeps its actions in contracts/ops-<area>.schemas.ts and adds one import and one spread here;
 * action names must be unique across areas. docs/ops.md documents every event with an example.
 */
const opsActions = {
  ...opsHouseholdsActions,
  ...opsGroupbuyActions,
  ...opsFeesActions,
  ...opsAttributionActions,
  ...opsDashboardActions,
}

/** Ops of a community (in the mini-program) or the console; bootstrapOps is how the first ops person is made. */
export const opsContract = defineContract('ops', opsActions, {
  audience: audienceOf(opsActions, ['ops', 'console'], { bootstrapOps: ['user'] }),
  errors: {
    upsertCommunity: [],
    importHouseholds: ['COMMUNITY.NOT_FOUND'],
    assignGrid: ['GRID.BUILDING_TAKEN', 'GRID.NOT_A_STEWARD', 'GRID.UNKNOWN_BUILDING'],
    addStaff: ['COMMUNITY.NOT_FOUND'],
    removeStaff: ['GRID.BUILDING_TAKEN', 'REPAIR.ALREADY_RATED', 'REPAIR.ILLEGAL_TRANSITION', 'STAFF.NOT_FOUND'],
    listStaff: [],
    removeResident: ['HOUSEHOLD.NOT_FOUND', 'MEMBER.CANNOT_REMOVE_OWNER', 'MEMBER.NOT_FOUND'],
    bootstrapOps: ['COMMUNITY.NOT_FOUND', 'OPS.BOOTSTRAP_REFUSED'],
    groupbuyCreateCampaign: ['COMMUNITY.NOT_FOUND', 'FILE.NOT_FOUND', 'FILE.TOO_LARGE', 'FILE.TOO_MANY', 'FILE.TYPE_NOT_ALLOWED', 'GROUPBUY.INVALID_SCHEDULE'],
    groupbuyPublishCampaign: ['GROUPBUY.CAMPAIGN_NOT_FOUND', 'GROUPBUY.INVALID_SCHEDULE', 'GROUPBUY.NOT_DRAFT'],
    groupbuyCampaigns: [],
    groupbuyCloseNow: ['GROUPBUY.CAMPAIGN_NOT_FOUND', 'GROUPBUY.NOT_OPEN', 'ORDER.ILLEGAL_TRANSITION', 'ORDER.NOT_FOUND', 'ORDER.REFUND_EXCEEDS_PAID'],
    groupbuyCloseDue: ['ORDER.ILLEGAL_TRANSITION', 'ORDER.NOT_FOUND', 'ORDER.REFUND_EXCEEDS_PAID'],
    upsertFeeItem: ['FEE.BAD_ITEM'],
    archiveFeeItem: ['FEE.ITEM_NOT_FOUND'],
    listFeeItems: [],
    importMeterReadings: ['FEE.BAD_ITEM', 'FEE.ITEM_NOT_FOUND'],
    runBills: ['FEE.BAD_PERIOD'],
    billRunProgress: [],
    listFeeInvoices: [],
    markFeeInvoiceIssued: ['FEE.INVOICE_ISSUED', 'FEE.INVOICE_NOT_FOUND'],
    feeCollectionReport: ['FEE.BAD_PERIOD'],
    attributionSetCommunityRules: [],
    attributionSetCampaignRule: ['GROUPBUY.CAMPAIGN_NOT_FOUND'],
    attributionReport: [],
    attributionSettle: ['ATTRIBUTION.PERIOD_OPEN'],
    attributionStatements: [],
    attributionExplain: ['ATTRIBUTION.ORDER_NOT_ATTRIBUTED'],
    attributionReconcile: [],
    opsDashboard: ['FEE.BAD_PERIOD'],
    opsExport: ['FEE.BAD_PERIOD'],
  },
})

export type OpsContract = typeof opsContract
