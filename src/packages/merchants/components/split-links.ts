/** The 订单分账 page of one order: merchant staff open their own; ops name their community. */
export const orderSplitUrl = (orderId: string, communityId?: string) =>
  `/packages/merchants/pages/order/index?orderId=${encodeURIComponent(orderId)}${communityId ? `&communityId=${encodeURIComponent(communityId)}` : ''}`
