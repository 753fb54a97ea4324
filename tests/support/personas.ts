import { PERSONAS, personaOpenid, type PersonaId } from '../../cloudfunctions/platform/local/demo/personas'

/**
 * The demo personas as tests name them: one module, read from the same list the H5 role switcher uses
 * (platform/local/demo/personas.ts), so a renamed persona breaks at compile time, not in one kit.
 */
export const OWNER = personaOpenid('owner')
export const FAMILY = personaOpenid('family')
export const UNBOUND = personaOpenid('unbound')
export const STEWARD = personaOpenid('steward')
export const STEWARD2 = personaOpenid('steward2')
export const TECH = personaOpenid('technician')
export const TECH2 = personaOpenid('technician2')
export const OPS = personaOpenid('ops')
export const VISITOR = personaOpenid('visitor')

export type { PersonaId } from '../../cloudfunctions/platform/local/demo/personas'
export { personaOpenid } from '../../cloudfunctions/platform/local/demo/personas'

/** Is this a persona id ('owner') rather than an openid ('demo-owner', 'res-tenant-b2')? */
export function isPersona(id: string): id is PersonaId {
  return PERSONAS.some((p) => p.id === id)
}
