import { consoleKeys, MAX_TOKEN_LIFETIME_S, signConsoleToken } from '../cloudfunctions/platform/cloudbase/console-token'

/**
 * Mints a console token for ops (docs/security.md §2):
 *   CONSOLE_TOKEN_KEYS=<the key set on the functions> npx tsx scripts/console-token.ts <operator-alias> [days=7]
 * Signs with the first key listed. The operator alias appears in every console log line: use an alias
 * ("ops-chen", "door-reader-3"), never a name or a phone number.
 */
function main(): void {
  const [operator, daysArg] = process.argv.slice(2)
  const key = consoleKeys(process.env)[0]
  if (!operator || !key) {
    console.error('usage: CONSOLE_TOKEN_KEYS=<key, ≥32 characters> npx tsx scripts/console-token.ts <operator-alias> [days=7]')
    process.exit(2)
  }
  const days = Number(daysArg ?? 7)
  if (!Number.isFinite(days) || days <= 0 || days * 86400 > MAX_TOKEN_LIFETIME_S - 86400) {
    console.error('days must be between 0 and 30')
    process.exit(2)
  }
  const expiresAt = new Date(Date.now() + days * 86400_000)
  console.log(signConsoleToken(key, operator, expiresAt))
  console.error(`operator ${operator}, expires ${expiresAt.toISOString()}`)
}

main()
