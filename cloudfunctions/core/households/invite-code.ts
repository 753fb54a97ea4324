import { createHash, randomInt } from 'node:crypto'

/** No 0/O or 1/I: the code is read aloud and typed as often as it is tapped. 32^8 ≈ 10^12 codes. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
export const INVITE_TTL_MS = 24 * 60 * 60_000

export function newInviteCode(): string {
  let code = ''
  for (let i = 0; i < 8; i++) code += ALPHABET[randomInt(ALPHABET.length)]
  return code
}

/** Invites are stored under a hash of the code: a database reader cannot use them. */
export function inviteIdOf(code: string): string {
  return `inv_${createHash('sha256').update(code.toUpperCase()).digest('hex').slice(0, 32)}`
}

export const inviteSharePath = (code: string) => `/packages/households/pages/invite/index?code=${code}`
