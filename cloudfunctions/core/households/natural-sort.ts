/** "2栋" before "10栋", "901" before "1201": how residents expect building and room lists to read. */
const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' })

export const naturalCompare = (a: string, b: string) => collator.compare(a, b)
