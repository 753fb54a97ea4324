/**
 * Logs must never carry personal data. Anything that looks like a mainland mobile number or an
 * 18-digit ID number is masked before it is written, whatever the caller passed in.
 */
const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/g
const ID_CARD = /(?<!\d)\d{17}[\dXx](?!\d)/g

export function redactText(text: string): string {
  return text.replace(ID_CARD, '[id]').replace(PHONE, (m) => `${m.slice(0, 3)}****${m.slice(-4)}`)
}

export function redactFields(fields: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!fields) return fields
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(fields)) {
    if (/phone|mobile|name|idcard|address/i.test(k)) out[k] = '[redacted]'
    else out[k] = typeof v === 'string' ? redactText(v) : v
  }
  return out
}

export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****'
}
