export { yuan, periodLabel, dateTime } from '@/services/format'

export const FEES_URL = '/packages/fees/pages/index/index'
export const HISTORY_URL = '/packages/fees/pages/history/index'
export const receiptUrl = (receiptId: string) => `/packages/fees/pages/receipt/index?receiptId=${receiptId}`
export const invoiceUrl = (receiptId: string) => `/packages/fees/pages/invoice/index?receiptId=${receiptId}`
export const orderUrl = (orderId: string) => `/packages/orders/pages/detail/index?orderId=${orderId}`

export const INVOICE_STATUS_LABELS = { none: '', requested: '开票中', issued: '已开票' } as const
