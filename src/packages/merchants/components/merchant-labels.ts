/** 扣点 as ops and merchants say it: 800 bp → "8%", 850 → "8.5%". */
export const ratePct = (bp: number) => `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')}%`
/** "12.5" (percent typed on a form) → 1250 bp; null when it is not a percentage with at most two decimals. */
export function parseRate(text: string): number | null {
  const t = text.trim()
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(t)) return null
  const bp = Math.round(Number(t) * 100)
  return bp <= 10_000 ? bp : null
}
export const SELLER_KIND_LABEL = { property: '物业自营', merchant: '商户' } as const
export const LISTING_KIND_LABEL = { groupbuy: '团购', service: '服务' } as const
export const STATEMENT_STATUS_LABEL = { open: '结算中', final: '已结算' } as const
