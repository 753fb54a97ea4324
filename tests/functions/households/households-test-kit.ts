import { DEMO_BINDING } from '../../../cloudfunctions/platform/local/demo/personas'
import type { TestWorld } from '../../support/test-platform'
import { rid } from '../../support/test-platform'

/** The demo registry row an unbound persona can prove (seeded by seedDemo). */
export const BIND_TARGET = 'h-2-1-301'
export const GOOD_PROOF = { householdId: BIND_TARGET, ownerName: DEMO_BINDING.ownerName, phone: DEMO_BINDING.phone }

export function bind(world: TestWorld, openid: string, proof: Partial<typeof GOOD_PROOF> = {}, requestId = rid('bind')) {
  return world.call('households', openid, { action: 'bind', requestId, ...GOOD_PROOF, ...proof })
}

/** Captures every log line the platform writes while `body` runs. */
export async function captureLogs(world: TestWorld, body: () => Promise<unknown>): Promise<string[]> {
  const lines: string[] = []
  const original = world.platform.logger
  const write = (level: string) => (event: string, fields?: Record<string, unknown>) => lines.push(JSON.stringify({ level, event, ...fields }))
  world.platform.logger = { info: write('info'), warn: write('warn'), error: write('error') }
  try {
    await body()
  } finally {
    world.platform.logger = original
  }
  return lines
}

/** Any 11-digit mainland mobile number in a text. */
export const FULL_PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/
