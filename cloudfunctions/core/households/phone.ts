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

/**
 * The dev pepper is public (it is in this file), so it is only for the embedded world. Inside CloudBase
 * (TENCENTCLOUD_RUNENV is set by the function runtime) a missing PHONE_PEPPER fails closed: binding and
 * registry import answer INTERNAL instead of storing hashes anyone could reverse.
 */
export function phonePepper(env: Readonly<Record<string, string | undefined>>): string {
  if (env.PHONE_PEPPER) return env.PHONE_PEPPER
  if (env.TENCENTCLOUD_RUNENV) throw new Error('PHONE_PEPPER is not set for this function')
  return 'local-dev-pepper'
}
