/** "刘洋" → "刘*", "欧阳娜娜" → "欧***": enough for a steward to greet, not to identify. */
export function maskName(name: string): string {
  const chars = [...name.trim()]
  if (chars.length === 0) return ''
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1))
}
