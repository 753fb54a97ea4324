import { createHash } from 'node:crypto'

/**
 * Owner phones are kept only as a peppered hash plus the last four digits: enough to check a claim of
 * ownership and to show "尾号 1234", useless if the database leaks. The pepper is a function env var.
 */
export function normalizePhone(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, '').replace(/^\+?86/, '')
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null
}

export function hashPhone(phone: string, pepper: string): string {
  return createHash('sha256').update(`${pepper}:${phone}`).digest('hex')
}

export function phonePepper(env: Readonly<Record<string, string | undefined>>): string {
  return env.PHONE_PEPPER || 'local-dev-pepper'
}
