/** One parsed record and the line of the text it starts on (what ops sees in their editor). */
export interface CsvRecord {
  line: number
  fields: string[]
}

/**
 * RFC 4180 CSV (quoted fields, "" escapes, quoted line breaks), plus tab-separated text as pasted from
 * Excel: ops copy registry sheets both ways. Blank lines are skipped; a UTF-8 BOM is ignored.
 */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const firstLine = src.slice(0, src.search(/\r?\n|$/))
  const sep = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ','
  const records: CsvRecord[] = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let recordLine = 1
  const endRecord = () => {
    fields.push(field)
    if (fields.length > 1 || fields[0].trim() !== '') records.push({ line: recordLine, fields })
    fields = []
    field = ''
  }
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else {
        if (ch === '\n') line++
        field += ch
      }
      continue
    }
    if (ch === '"' && field.trim() === '') {
      field = ''
      quoted = true
    } else if (ch === sep) {
      fields.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++
      endRecord()
      line++
      recordLine = line
    } else field += ch
  }
  if (field !== '' || fields.length > 0) endRecord()
  return records
}
