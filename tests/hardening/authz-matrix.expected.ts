/**
 * The expected authorization table: every action × every caller, as data (DOMAIN.md "Authorization":
 * residents act only on their own households, stewards on their grid, technicians on tickets assigned to
 * them, ops on their community; everything else AUTH.FORBIDDEN). Each call aims at the demo owner's
 * household (1栋1单元101) or the steward's grid with a valid input (support/action-inputs.ts).
 *
 *   W  allowed — ok, or a domain refusal that is not AUTH.*; it may write
 *   R  allowed to ask — ok or a domain refusal, and NOTHING in a business collection changes
 *      (self-scoped actions: the caller only ever sees or touches their own things)
 *   D  denied — AUTH.FORBIDDEN or AUTH.UNAUTHENTICATED, and nothing changes
 *   H  hidden — NOT_FOUND for someone with no relation at all to the thing (ids cannot be probed),
 *      and nothing changes. Under the plain allowed/denied split this is a denial.
 *
 * Columns (support/roles.ts): none · unbound · resident of another household · family · tenant · owner ·
 * pending member · removed member · steward of another grid · steward · technician · technician removed
 * from the staff · ops of another community · ops · CloudBase console · merchant staff (洁家家政, no household).
 */
export const MATRIX_COLUMNS = 'none unb oth fam ten own pen rem stO stw tec rmT opO ops con mer'

// prettier-ignore
export const EXPECTED: Record<string, string> = {
  //                                 none unb oth fam ten own pen rem stO stw tec rmT opO ops con mer
  'households.me':                  'D    R   R   R   R   R   R   R   R   R   R   R   R   R   D   R',
  'households.notices':             'D    D   R   R   R   R   D   D   R   R   R   D   D   R   D   D',
  // A notice outside the reader's buildings or community is not found (ids cannot be probed).
  'households.notice':              'D    D   R   R   R   R   D   D   R   R   R   D   H   R   D   D',
  // The binding catalogue is what an unbound person picks their room from.
  'households.listCommunities':     'D    R   R   R   R   R   R   R   R   R   R   R   R   R   D   R',
  'households.listBuildings':       'D    R   R   R   R   R   R   R   R   R   R   R   R   R   D   R',
  'households.listUnits':           'D    R   R   R   R   R   R   R   R   R   R   R   R   R   D   R',
  'households.listRooms':           'D    R   R   R   R   R   R   R   R   R   R   R   R   R   D   R',
  // Whoever proves name + phone of the registry binds (a steward may also live there).
  'households.bind':                'D    W   W   W   W   W   W   W   W   W   W   W   W   W   D   W',
  // The binding back-off override: the building's steward or ops, after checking the owner in person.
  'households.clearBindLock':       'D    D   D   D   D   D   D   D   D   W   D   D   D   W   D   D',
  'households.createInvite':        'D    D   D   D   D   W   D   D   D   D   D   D   D   W   D   D',
  // An invite code is a bearer token: whoever holds it may look and accept (the owner approves after).
  'households.inviteInfo':          'D    R   R   R   R   R   R   R   R   R   R   R   R   R   D   R',
  'households.acceptInvite':        'D    W   W   W   W   W   W   W   W   W   W   W   W   W   D   W',
  // Who sees the whole household's tickets and orders: the owner's choice alone.
  'households.setSharing':          'D    D   D   D   D   W   D   D   D   D   D   D   D   D   D   D',
  'households.members':             'D    D   D   R   R   R   D   D   D   R   D   D   D   R   D   D',
  'households.approveMember':       'D    D   D   D   D   W   D   D   D   D   D   D   D   W   D   D',
  'households.removeMember':        'D    D   D   D   D   W   D   D   D   D   D   D   D   W   D   D',
  'households.switchHousehold':     'D    D   D   W   W   W   D   D   D   D   D   D   D   D   D   D',
  'households.householdDetail':     'D    D   D   R   R   R   D   D   D   R   D   D   D   R   D   D',
  // Stewards only: anyone else is refused (it used to answer an empty list).
  'households.stewardGrid':         'D    D   D   D   D   D   D   D   R   R   D   D   D   D   D   D',
  'households.stewardHouseholds':   'D    D   D   D   D   D   D   D   D   R   D   D   D   R   D   D',
  // 消息中心: self-scoped, every person with an openid has one (it only holds messages sent to them).
  'households.inbox':               'D    R   R   R   R   R   R   R   R   R   R   R   R   R   D   R',
  'households.inboxRead':           'D    W   W   W   W   W   W   W   W   W   W   W   W   W   D   W',
  // Self-scoped: a board per staff role the caller holds; residents get no board.
  'households.workbench':           'D    R   R   R   R   R   R   R   R   R   R   R   R   R   D   R',

  //                                 none unb oth fam ten own pen rem stO stw tec rmT opO ops con mer
  'ops.upsertCommunity':            'D    D   D   D   D   D   D   D   D   D   D   D   D   W   W   D',
  'ops.importHouseholds':           'D    D   D   D   D   D   D   D   D   D   D   D   D   W   W   D',
  'ops.assignGrid':                 'D    D   D   D   D   D   D   D   D   D   D   D   D   W   W   D',
  'ops.addStaff':                   'D    D   D   D   D   D   D   D   D   D   D   D   D   W   W   D',
  'ops.removeStaff':                'D    D   D   D   D   D   D   D   D   D   D   D   D   W   W   D',
  'ops.listStaff':                  'D    D   D   D   D   D   D   D   D   D   D   D   D   R   R   D',
  'ops.removeResident':             'D    D   D   D   D   D   D   D   D   D   D   D   D   W   W   D',
  // Refused by its own rule (not on BOOTSTRAP_OPS_OPENIDS, community already has ops); needs a WeChat identity.
  'ops.bootstrapOps':               'D    R   R   R   R   R   R   R   R   R   R   R   R   R   D   R',
  'ops.groupbuyCreateCampaign':     'D    D   D   D   D   D   D   D   D   D   D   D   D   W   W   D',
  'ops.groupbuyPublishCampaign':    'D    D   D   D   D   D   D   D   D   D   D   D   D   W   W   D',
  'ops.groupbuyCampaigns':          'D    D   D   D   D   D   D   D   D   D   D   D   D   R   R   D',
  'ops.groupbuyCloseNow':           'D    D   D   D   D   D   D   D   D   D   D   D   D   W   W   D',
  // The closing timer's job on demand: it only decides campaigns already past their deadline, in every community.
  'ops.groupbuyCloseDue':           'D    D   D   D   D   D   D   D   D   D   D   D   W   W   W   D',
  'ops.upsertFeeItem':              'D    D   D   D   D   D   D   D   D   D   D   D   D   W   W   D',
  'ops.archiveFeeItem':             'D    D   D   D   D   D   D   D   D   D   D   D   D   W   W   D',
  'ops.listFeeItems':               'D    D   D   D   D   D   D   D   D   D   D   D   D   R   R   D',
  'ops.importMeterReadings':        'D    D   D   D   D   D   D   D   D   D   D   D   D   W   W   D',
  'ops.runBills':                   'D    D   D   D   D   D   D   D   D   D   D   D   D   W   W   D',
  'ops.billRunProgress':            'D    D   D   D   D   D   D   D   D   D   D   D   D   R   R   D',
  'ops.listFeeInvoices':            'D    D   D   D   D   D   D   D   D   D   D   D   D   R   R   D',
  'ops.markFeeInvoiceIssued':       'D    D   D   D   D   D   D   D   D   D   D   D   D   W   W   D',
  'ops.feeCollectionReport':        'D    D   D   D   D   D   D   D   D   D   D   D   D   R   R   D',
  'ops.attributionSetCommunityRules':'D    D   D   D   D   D   D   D   D   D   D   D   D   W   W   D',
  'ops.attributionSetCampaignRule': 'D    D   D   D   D   D   D   D   D   D   D   D   D   W   W   D',
  'ops.attributionReport':          'D    D   D   D   D   D   D   D   D   D   D   D   D   R   R   D',
  'ops.opsDashboard':               'D    D   D   D   D   D   D   D   D   D   D   D   D   R   R   D',
  // Writes a CSV file into storage (no database record).
  'ops.opsExport':                  'D    D   D   D   D   D   D   D   D   D   D   D   D   W   W   D',
  // Settlement and the accrual sweep span every community (the daily timer's jobs, idempotent).
  'ops.attributionSettle':          'D    D   D   D   D   D   D   D   D   D   D   D   W   W   W   D',
  'ops.attributionStatements':      'D    D   D   D   D   D   D   D   D   D   D   D   D   R   R   D',
  'ops.attributionExplain':         'D    D   D   D   D   D   D   D   D   D   D   D   D   R   R   D',
  'ops.attributionReconcile':       'D    D   D   D   D   D   D   D   D   D   D   D   W   W   W   D',

  //                                 none unb oth fam ten own pen rem stO stw tec rmT opO ops con mer
  // A touch names a steward id; foreign, unknown or one's own steward id records nothing.
  'attribution.recordTouch':        'D    W   W   W   W   W   W   W   W   W   W   W   W   W   D   W',
  // Non-stewards get ATTRIBUTION.NOT_A_STEWARD (a domain code the page branches on, not AUTH.FORBIDDEN);
  // they see and change nothing. Each steward only ever sees their own figures.
  'attribution.dashboard':          'D    R   R   R   R   R   R   R   R   R   R   R   R   R   D   R',
  'attribution.statement':          'D    R   R   R   R   R   R   R   R   R   R   R   R   R   D   R',
  // The public card a share opens: a steward's name and community.
  'attribution.stewardCard':        'D    R   R   R   R   R   R   R   R   R   R   R   R   R   D   R',

  //                                 none unb oth fam ten own pen rem stO stw tec rmT opO ops con mer
  'groups.createGroup':             'D    D   D   D   D   D   D   D   D   W   D   D   D   W   D   D',
  'groups.updateGroup':             'D    D   D   D   D   D   D   D   D   W   D   D   D   W   D   D',
  // Staff lists are of the caller's own community and groups.
  'groups.myGroups':                'D    D   D   D   D   D   D   D   R   R   D   D   R   R   D   D',
  'groups.bindGroup':               'D    D   D   D   D   D   D   D   D   W   D   D   D   W   D   D',
  'groups.uploadCode':              'D    D   D   D   D   D   D   D   D   W   D   D   D   W   D   D',
  'groups.todayTasks':              'D    D   D   D   D   D   D   D   R   R   D   D   R   R   D   D',
  // Stewards only; a steward acks only their own alert (another steward's call changes nothing).
  'groups.ackTask':                 'D    D   D   D   D   D   D   D   R   W   D   D   D   D   D   D',
  'groups.playbook':                'D    D   D   D   D   D   D   D   D   R   D   D   D   R   D   D',
  'groups.searchReplies':           'D    D   D   D   D   D   D   D   R   R   D   D   R   R   D   D',
  'groups.membersToMove':           'D    D   D   D   D   D   D   D   D   R   D   D   D   R   D   D',
  // Shops are community-wide, not in a grid: any steward of the community may invite one.
  'groups.inviteMerchant':          'D    D   D   D   D   D   D   D   W   W   D   D   D   W   D   D',
  'groups.claimMerchant':           'D    W   W   W   W   W   W   W   W   W   W   W   W   W   D   W',
  'groups.join':                    'D    D   D   W   W   W   D   D   D   D   D   D   D   D   D   D',
  // Only the person the group was assigned to can confirm; everyone else is told GROUP.NOT_ASSIGNED.
  'groups.confirmJoined':           'D    R   R   R   R   W   R   R   R   R   R   R   R   R   D   R',
  'groups.myMemberships':           'D    R   R   R   R   R   R   R   R   R   R   R   R   R   D   R',
  // The cloudID proves the caller opened the card inside that WeChat group (WeChat vouches, not the payload).
  'groups.recordEntry':             'D    W   W   W   W   W   W   W   W   W   W   W   W   W   D   W',

  //                                 none unb oth fam ten own pen rem stO stw tec rmT opO ops con mer
  'access.myDoors':                 'D    D   D   R   R   R   D   D   D   D   D   D   D   D   D   D',
  'access.issuePass':               'D    D   D   R   R   R   D   D   D   D   D   D   D   D   D   D',
  // Refused with ACCESS.* codes; every attempt is logged (access_logs, rate limits are append-only).
  'access.remoteOpen':              'D    R   R   W   W   W   R   R   R   R   R   R   R   R   D   R',
  'access.createVisitorPass':       'D    D   D   W   W   W   D   D   D   D   D   D   D   D   D   D',
  'access.myVisitorPasses':         'D    D   D   R   R   R   D   D   D   D   D   D   D   D   D   D',
  // Only the member who issued the pass revokes it.
  'access.revokeVisitorPass':       'D    D   D   D   D   W   D   D   D   D   D   D   D   D   D   D',
  // The share link (passId + token) is the visitor's credential; no binding needed.
  'access.visitorPass':             'D    R   R   R   R   R   R   R   R   R   R   R   R   R   D   R',
  'access.visitorCode':             'D    R   R   R   R   R   R   R   R   R   R   R   R   R   D   R',
  'access.visitorOpen':             'D    W   W   W   W   W   W   W   W   W   W   W   W   W   D   W',
  'access.myAccessLog':             'D    R   R   R   R   R   R   R   R   R   R   R   R   R   D   R',
  'access.accessLog':               'D    D   D   D   D   D   D   D   D   D   D   D   D   R   R   D',
  // Door controllers only (server to server); a WeChat user must not get a code oracle.
  'access.readerVerify':            'D    D   D   D   D   D   D   D   D   D   D   D   D   D   W   D',

  //                                 none unb oth fam ten own pen rem stO stw tec rmT opO ops con mer
  'orders.serviceCatalog':          'D    R   R   R   R   R   R   R   R   R   R   R   R   R   D   R',
  'orders.createServiceOrder':      'D    D   D   W   W   W   D   D   D   D   D   D   D   D   D   D',
  'orders.list':                    'D    R   R   R   R   R   R   R   R   R   R   R   R   R   D   R',
  // A tenant sees only the orders and tickets they paid or filed unless the owner allows the whole household
  // (households.setSharing; default off for tenants): another member's is not found, not even by id.
  'orders.detail':                  'D    D   D   R   H   R   D   D   D   D   D   D   D   D   D   D',
  // Other members see the order but only its payer pays or asks for a refund (ORDER.PAYER_ONLY).
  'orders.pay':                     'D    D   D   R   H   W   D   D   D   D   D   D   D   D   D   D',
  'orders.cancel':                  'D    D   D   W   H   W   D   D   D   D   D   D   D   D   D   D',
  'orders.requestRefund':           'D    D   D   R   H   W   D   D   D   D   D   D   D   D   D   D',
  'orders.refund':                  'D    D   D   D   D   D   D   D   D   D   D   D   D   D   W   D',
  'orders.fulfil':                  'D    D   D   D   D   D   D   D   D   D   D   D   D   D   W   D',
  'orders.complete':                'D    D   D   D   D   D   D   D   D   D   D   D   D   D   W   D',

  // Only CloudBase (console identity) delivers WeChat Pay's callback; a WeChat user calling it is refused outright.
  'paycallback.payNotify':          'D    D   D   D   D   D   D   D   D   D   D   D   D   D   R   D',
  'paycallback.refundNotify':       'D    D   D   D   D   D   D   D   D   D   D   D   D   D   R   D',

  //                                 none unb oth fam ten own pen rem stO stw tec rmT opO ops con mer
  'repairs.create':                 'D    D   D   W   W   W   D   D   D   D   D   D   D   D   D   D',
  'repairs.mine':                   'D    R   R   R   R   R   R   R   R   R   R   R   R   R   D   R',
  // Outside the action's audience: FORBIDDEN before the ticket is read. Inside it but unrelated to the
  // ticket: NOT_FOUND (ticket ids cannot be probed); staff of the community get FORBIDDEN.
  'repairs.detail':                 'D    D   H   R   H   R   D   D   D   R   R   D   H   R   D   D',
  'repairs.cancel':                 'D    D   H   W   H   W   D   D   D   D   D   D   D   D   D   D',
  'repairs.rate':                   'D    D   H   W   H   W   D   D   D   D   D   D   D   D   D   D',
  'repairs.reopen':                 'D    D   H   W   H   W   D   D   D   D   D   D   D   D   D   D',
  'repairs.queue':                  'D    D   D   D   D   D   D   D   D   D   R   D   D   D   D   D',
  'repairs.accept':                 'D    D   D   D   D   D   D   D   D   D   W   D   D   D   D   D',
  'repairs.start':                  'D    D   D   D   D   D   D   D   D   D   W   D   D   D   D   D',
  'repairs.complete':               'D    D   D   D   D   D   D   D   D   D   W   D   D   D   D   D',
  'repairs.setAvailability':        'D    D   D   D   D   D   D   D   D   D   W   D   D   D   D   D',
  'repairs.myDuty':                 'D    D   D   D   D   D   D   D   D   D   R   D   D   D   D   D',
  // The grid's board: its stewards, and ops for the whole community (小区报修工单); nobody else.
  'repairs.gridTickets':            'D    D   D   D   D   D   D   D   R   R   D   D   R   R   D   D',
  'repairs.technicians':            'D    D   D   D   D   D   D   D   R   R   D   D   R   R   D   D',
  'repairs.reassign':               'D    D   D   D   D   D   D   D   D   W   D   D   H   W   D   D',
  'repairs.satisfaction':           'D    D   D   D   D   D   D   D   R   R   D   D   R   R   D   D',

  //                                 none unb oth fam ten own pen rem stO stw tec rmT opO ops con mer
  'groupbuy.campaigns':             'D    D   R   R   R   R   D   D   R   R   R   D   D   R   D   R',
  // A share card travels beyond the community: anyone may look; only member households may order.
  'groupbuy.campaign':              'D    R   R   R   R   R   R   R   R   R   R   R   R   R   D   R',
  'groupbuy.placeOrder':            'D    D   D   W   W   W   D   D   D   D   D   D   D   D   D   D',
  'groupbuy.myOrders':              'D    R   R   R   R   R   R   R   R   R   R   R   R   R   D   R',
  'groupbuy.recordTouch':           'D    W   W   W   W   W   W   W   W   W   W   W   W   W   D   W',
  // Whoever staffs the community's pickup point hands out parcels; ops of elsewhere get PICKUP_WRONG_COMMUNITY.
  'groupbuy.redeemPickup':          'D    D   D   D   D   D   D   D   W   W   D   D   R   W   D   D',
  // Someone else's order id answers GROUPBUY.ORDER_NOT_FOUND, exactly like a missing one (ids cannot be
  // probed); the classifier reads only *.NOT_FOUND as H, so these "hidden" cells show as R (nothing written).
  'groupbuy.myOrder':               'D    R   R   R   R   R   R   R   R   R   R   R   R   R   D   R',
  'groupbuy.pickupLookup':          'D    D   D   D   D   D   D   D   R   R   D   D   R   R   D   D',
  'groupbuy.undoPickup':            'D    D   D   D   D   D   D   D   R   R   D   D   R   R   D   D',
  'groupbuy.todayPickups':          'D    D   D   D   D   D   D   D   R   R   D   D   R   R   D   D',
  'groupbuy.manageCampaigns':       'D    D   D   D   D   D   D   D   R   R   D   D   R   R   D   D',
  'groupbuy.campaignTemplates':     'D    D   D   D   D   D   D   D   R   R   D   D   R   R   D   D',
  // Campaigns are run by the community's stewards and ops (any grid: a campaign serves the whole community).
  'groupbuy.createCampaign':        'D    D   D   D   D   D   D   D   W   W   D   D   D   W   D   D',
  'groupbuy.extendCampaign':        'D    D   D   D   D   D   D   D   W   W   D   D   D   W   D   D',
  'groupbuy.closeCampaign':         'D    D   D   D   D   D   D   D   W   W   D   D   D   W   D   D',
  'groupbuy.campaignChanges':       'D    D   D   D   D   D   D   D   R   R   D   D   D   R   D   D',
  'groupbuy.openPoll':              'D    D   D   D   D   D   D   D   W   W   D   D   D   W   D   D',
  'groupbuy.polls':                 'D    D   R   R   R   R   D   D   R   R   R   D   D   R   D   R',
  // Outside the poll's community: GROUPBUY.POLL_NOT_FOUND (hidden, shown as R for the reason above).
  'groupbuy.poll':                  'D    R   R   R   R   R   R   R   R   R   R   R   R   R   D   R',
  'groupbuy.registerIntent':        'D    D   D   W   W   W   D   D   D   D   D   D   D   D   D   D',
  'groupbuy.withdrawIntent':        'D    D   D   W   W   W   D   D   D   D   D   D   D   D   D   D',

  //                                 none unb oth fam ten own pen rem stO stw tec rmT opO ops con mer
  'fees.unpaid':                    'D    D   D   R   R   R   D   D   D   D   D   D   D   D   D   D',
  'fees.pay':                       'D    D   D   W   W   W   D   D   D   D   D   D   D   D   D   D',
  'fees.history':                   'D    D   D   R   R   R   D   D   D   D   D   D   D   D   D   D',
  'fees.receipt':                   'D    D   D   R   R   R   D   D   D   R   D   D   D   R   D   D',
  // Invoices are in the payer's name: other members get FEE.NOT_PAYER.
  'fees.requestInvoice':            'D    D   D   R   R   W   D   D   D   D   D   D   D   D   D   D',
  'fees.invoices':                  'D    D   D   R   R   R   D   D   D   D   D   D   D   D   D   D',
  'fees.arrears':                   'D    D   D   D   D   D   D   D   R   R   D   D   D   R   D   D',
  'fees.remind':                    'D    D   D   D   D   D   D   D   D   W   D   D   D   W   D   D',
  'fees.remindPreview':             'D    D   D   D   D   D   D   D   D   R   D   D   D   R   D   D',
  // A relay number to the owner: only the steward of that household's grid, not ops (DOMAIN.md privacy).
  'fees.callOwner':                 'D    D   D   D   D   D   D   D   D   W   D   D   D   D   D   D',
  'fees.paidAfterReminder':         'D    D   D   D   D   D   D   D   R   R   D   D   R   R   D   D',
  // ---- profiles: staff data (tags, scores, segments) never reach residents; stewards stay in their grid ----
  'profiles.catalog':               'D    D   D   D   D   D   D   D   R   R   D   D   D   R   D   D',
  // A building outside the caller's grid is refused, not silently dropped.
  'profiles.previewSegment':        'D    D   D   D   D   D   D   D   D   R   D   D   D   R   D   D',
  'profiles.saveSegment':           'D    D   D   D   D   D   D   D   D   W   D   D   D   W   D   D',
  // Each steward lists only their own segments and pushes.
  'profiles.segments':              'D    D   D   D   D   D   D   D   R   R   D   D   D   R   D   D',
  // Another steward's segment, or another community's, is not found.
  'profiles.push':                  'D    D   D   D   D   D   D   D   H   W   D   D   H   W   D   D',
  'profiles.conversion':            'D    D   D   D   D   D   D   D   R   R   D   D   D   R   D   D',
  'profiles.tagHousehold':          'D    D   D   D   D   D   D   D   D   W   D   D   D   W   D   D',
  'profiles.defineTag':             'D    D   D   D   D   D   D   D   D   D   D   D   D   W   D   D',
  // The report may flag slow movers it detects (a write), so W.
  'profiles.slowMovers':            'D    D   D   D   D   D   D   D   D   D   D   D   D   W   D   D',
  'profiles.markSlowMover':         'D    D   D   D   D   D   D   D   D   D   D   D   D   W   D   D',
  // A person's own push setting; opening a push only the people it was sent to (the neighbour in 1栋1单元102
  // bought 生鲜 too, so the fixture push reached them as well).
  'profiles.pushSetting':           'D    D   R   R   R   R   D   D   D   D   D   D   D   D   D   D',
  'profiles.setPushOptOut':         'D    D   W   W   W   W   D   D   D   D   D   D   D   D   D   D',
  'profiles.recordConsent':         'D    D   W   W   W   W   D   D   D   D   D   D   D   D   D   D',
  'profiles.openPush':              'D    D   W   W   W   W   D   D   D   D   D   D   D   D   D   D',
  'profiles.runInterest':           'D    D   D   D   D   D   D   D   D   D   D   D   D   D   W   D',

  //                                 none unb oth fam ten own pen rem stO stw tec rmT opO ops con mer
  'events.list':                    'D    D   R   R   R   R   D   D   D   D   D   D   D   D   D   D',
  // Staff of another community cannot see the event at all (EVENT.NOT_FOUND).
  'events.detail':                  'D    D   R   R   R   R   D   D   R   R   D   D   H   R   D   D',
  'events.signUp':                  'D    D   W   W   W   W   D   D   D   D   D   D   D   D   D   D',
  // Another household has no sign-up to cancel or code to use (EVENT.NOT_SIGNED_UP, nothing written).
  'events.cancelSignup':            'D    D   R   W   W   W   D   D   D   D   D   D   D   D   D   D',
  'events.scan':                    'D    D   R   W   W   W   D   D   D   D   D   D   D   D   D   D',
  'events.joinWaitlist':            'D    D   W   W   W   W   D   D   D   D   D   D   D   D   D   D',
  // Ops of another community create events in their own community.
  'events.create':                  'D    D   D   D   D   D   D   D   W   W   D   D   W   W   D   D',
  // Organisers are the community's stewards and ops; ops of another community are refused (AUTH.FORBIDDEN).
  'events.edit':                    'D    D   D   D   D   D   D   D   W   W   D   D   D   W   D   D',
  'events.cancel':                  'D    D   D   D   D   D   D   D   W   W   D   D   D   W   D   D',
  'events.manageList':              'D    D   D   D   D   D   D   D   R   R   D   D   R   R   D   D',
  'events.code':                    'D    D   D   D   D   D   D   D   R   R   D   D   D   R   D   D',
  'events.attendance':              'D    D   D   D   D   D   D   D   R   R   D   D   D   R   D   D',
  'events.activities':              'D    D   D   D   D   D   D   D   R   R   D   D   R   R   D   D',
  // Ops of another community cannot file a cost against this community's event (EVENT.ACTIVITY_NOT_FOUND, nothing written).
  'events.submitCost':              'D    D   D   D   D   D   D   D   W   W   D   D   R   W   D   D',
  'events.costs':                   'D    D   D   D   D   D   D   D   R   R   D   D   R   R   D   D',
  'events.reviewCost':              'D    D   D   D   D   D   D   D   D   D   D   D   D   W   D   D',
  'events.roi':                     'D    D   D   D   D   D   D   D   D   D   D   D   D   R   R   D',
  'events.activitySettings':        'D    D   D   D   D   D   D   D   D   D   D   D   D   W   D   D',
  // Ops of another community read and write their own community's ROI settings.
  'events.roiSettings':             'D    D   D   D   D   D   D   D   D   D   D   D   R   R   D   D',
  'events.setRoiSettings':          'D    D   D   D   D   D   D   D   D   D   D   D   W   W   D   D',

  //                                 none unb oth fam ten own pen rem stO stw tec rmT opO ops con mer
  // Residents' invoices for their group-buy and service orders; the request goes to the seller's queue.
  'merchants.invoiceOrders':        'D    D   R   R   R   R   D   D   D   D   D   D   D   D   D   D',
  'merchants.requestInvoice':       'D    D   D   W   W   W   D   D   D   D   D   D   D   D   D   D',
  // Merchant staff only: their own merchant's board, orders, statements (self-scoped).
  'merchants.board':                'D    D   D   D   D   D   D   D   D   D   D   D   D   D   D   R',
  'merchants.orders':               'D    D   D   D   D   D   D   D   D   D   D   D   D   D   D   R',
  'merchants.markDelivered':        'D    D   D   D   D   D   D   D   D   D   D   D   D   D   D   W',
  'merchants.statements':           'D    D   D   D   D   D   D   D   D   D   D   D   D   D   D   R',
  'merchants.statementEntries':     'D    D   D   D   D   D   D   D   D   D   D   D   D   D   D   R',
  // Merchant staff: their queue; ops: the property company's queue of the community they name (without one
  // they are asked for their merchant: MERCHANT.NOT_MERCHANT_STAFF). Merchant staff browse their community's group buys.
  'merchants.invoiceQueue':         'D    D   D   D   D   D   D   D   D   D   D   D   R   R   D   R',
  'merchants.issueInvoice':         'D    D   D   D   D   D   D   D   D   D   D   D   R   R   R   W',
  // The order's split (order.split): the seller's staff for their own orders; ops name their community
  // (without it they are asked for their merchant: MERCHANT.NOT_MERCHANT_STAFF).
  'merchants.orderSplit':           'D    D   D   D   D   D   D   D   D   D   D   D   R   R   D   R',
  'merchants.splits':               'D    D   D   D   D   D   D   D   D   D   D   D   D   R   D   D',
  // The seller picker of 发起团购: the community's stewards and ops.
  'merchants.sellerOptions':        'D    D   D   D   D   D   D   D   R   R   D   D   D   R   D   D',
  'merchants.retryReceiver':        'D    D   D   D   D   D   D   D   D   D   D   D   D   W   W   D',
  'merchants.list':                 'D    D   D   D   D   D   D   D   D   D   D   D   D   R   R   D',
  'merchants.onboard':              'D    D   D   D   D   D   D   D   D   D   D   D   D   W   W   D',
  'merchants.setStatus':            'D    D   D   D   D   D   D   D   D   D   D   D   D   W   W   D',
  'merchants.addStaff':             'D    D   D   D   D   D   D   D   D   D   D   D   D   W   W   D',
  'merchants.setSeller':            'D    D   D   D   D   D   D   D   D   D   D   D   D   W   W   D',
  'merchants.report':               'D    D   D   D   D   D   D   D   D   D   D   D   D   R   R   D',
  'merchants.exportReport':         'D    D   D   D   D   D   D   D   D   D   D   D   D   W   W   D',
  'merchants.settle':               'D    D   D   D   D   D   D   D   D   D   D   D   D   D   W   D',
  'merchants.reconcileSharing':     'D    D   D   D   D   D   D   D   D   D   D   D   D   D   W   D',
}

/**
 * Collections a refused or read-only call may still write, and why:
 * - idempotency_keys: the runtime stores every mutating reply (refusals too) so a retry gets the same answer.
 * - access_logs, access_rate_limits: DOMAIN.md — every door attempt, allowed or refused, is logged, and
 *   refused attempts count against the rate limit.
 * - rate_limits: failed binding attempts are counted per openid and per household (DOMAIN.md: rate-limited).
 */
export const APPEND_ONLY = ['idempotency_keys', 'access_logs', 'access_rate_limits', 'rate_limits']
