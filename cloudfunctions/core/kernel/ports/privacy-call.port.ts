import type { Platform } from '../platform'

/**
 * The privacy-number port (隐私号 / 号码保护): the provider binds a short-lived relay number that rings
 * the household's registered owner, so the steward never sees the owner's number and the owner sees the
 * relay, not the steward's. The registry keeps only a peppered hash and the last four digits, so the
 * provider (not this project's database) holds the directory of owners' numbers, keyed by household.
 *
 * Local: platform/local/privacy-call/sandbox-privacy-call.ts. No production adapter is configured yet;
 * without one `callOwner` answers FEE.CALL_UNAVAILABLE instead of pretending.
 */
export const PRIVACY_CALL_PORT = 'privacyCall'

export interface RelayRequest {
  householdId: string
  /** Who asks (kept by the provider for its call records). */
  callerOpenid: string
  ttlSeconds: number
  /** Idempotency key: a retried request gets the same binding. */
  requestKey: string
}

export interface RelayBinding {
  bindingId: string
  relayNumber: string
  expiresAt: Date
}

export interface PrivacyCall {
  bindRelay(req: RelayRequest): Promise<RelayBinding>
}

export function privacyCallOf(platform: Platform): PrivacyCall | null {
  return (platform.ports[PRIVACY_CALL_PORT] as PrivacyCall | undefined) ?? null
}
