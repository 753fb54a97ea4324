/** "1栋","2栋","3栋" → "1–3 栋"; other picks are listed ("1栋、5栋"). */
export function buildingsLabel(names: string[]): string {
  const nums = names.map((n) => /^(\d+)栋$/.exec(n)?.[1]).map(Number)
  if (names.length >= 2 && nums.every((n) => Number.isInteger(n) && n > 0)) {
    const sorted = [...nums].sort((a, b) => a - b)
    if (sorted.every((n, i) => i === 0 || n === sorted[i - 1] + 1)) return `${sorted[0]}–${sorted[sorted.length - 1]} 栋`
  }
  return names.join('、')
}

/** A readable default name for what the criteria select, e.g. "近30天买过生鲜的 1–3 栋住户". */
export function segmentName(parts: { buildings: string[]; purchased: { category: string; withinDays: number } | null; interest: { category: string } | null; tags: string[] }): string {
  const who = parts.buildings.length ? ` ${buildingsLabel(parts.buildings)}` : ''
  const bought = parts.purchased ? `近${parts.purchased.withinDays}天买过${parts.purchased.category}的` : ''
  const likes = parts.interest ? `${parts.interest.category}兴趣高的` : ''
  const tags = parts.tags.length ? `「${parts.tags.join('、')}」` : ''
  return `${bought}${likes}${tags}${who}住户`.trim().slice(0, 30)
}

export const pct = (n: number, of: number) => (of > 0 ? `${Math.round((n / of) * 1000) / 10}%` : '—')
