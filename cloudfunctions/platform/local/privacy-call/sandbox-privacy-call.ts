import { createHash } from 'node:crypto'
import type { Clock } from '../../../core/kernel/platform'
import type { PrivacyCall, RelayBinding, RelayRequest } from '../../../core/kernel/ports/privacy-call.port'

/**
 * A stand-in for the privacy-number provider: hands out relay numbers from the 170 test range (never a
 * real subscriber's), one per request key, valid for the asked time. `bindings` lets tests see what was
 * bound; nothing rings.
 */
export class SandboxPrivacyCall implements PrivacyCall {
  readonly bindings = new Map<string, RelayBinding & { householdId: string; callerOpenid: string }>()

  constructor(private readonly clock: Clock) {}

  async bindRelay(req: RelayRequest): Promise<RelayBinding> {
    const existing = this.bindings.get(req.requestKey)
    if (existing) return { bindingId: existing.bindingId, relayNumber: existing.relayNumber, expiresAt: existing.expiresAt }
    const digest = createHash('sha256').update(`${req.requestKey}\u0001${req.householdId}`).digest()
    const tail = String(digest.readUInt32BE(0) % 100_000_000).padStart(8, '0')
    const binding = { bindingId: `sbx-${digest.toString('hex').slice(0, 16)}`, relayNumber: `170${tail}`, expiresAt: new Date(this.clock.now().getTime() + req.ttlSeconds * 1000) }
    this.bindings.set(req.requestKey, { ...binding, householdId: req.householdId, callerOpenid: req.callerOpenid })
    return binding
  }
}
