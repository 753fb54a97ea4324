/**
 * H5-only demo identities. The chosen persona's id is kept in localStorage `dev.persona` (tests preselect
 * it there), its openid in `dev.openid`. A fresh browser is the unbound newcomer: what a real first visit
 * looks like, and no test can pass by accident as the owner without saying so.
 */
export interface DevPersona {
  id: string
  openid: string
  label: string
  description: string
}

export const PERSONA_KEY = 'dev.persona'
export const OPENID_KEY = 'dev.openid'
export const DEFAULT_PERSONA_ID = 'unbound'

let personasPromise: Promise<DevPersona[]> | null = null

/** The gateway's list (GET /dev/personas), fetched once per page load. */
export function loadPersonas(): Promise<DevPersona[]> {
  if (!personasPromise) {
    personasPromise = fetch(`${FN_GATEWAY}/dev/personas`)
      .then((r) => r.json())
      .then((body: { data?: DevPersona[] }) => body.data ?? [])
      .catch(() => {
        personasPromise = null
        return []
      })
  }
  return personasPromise
}

export function currentPersonaId(): string {
  return localStorage.getItem(PERSONA_KEY) || DEFAULT_PERSONA_ID
}

export function choosePersona(persona: DevPersona): void {
  localStorage.setItem(PERSONA_KEY, persona.id)
  localStorage.setItem(OPENID_KEY, persona.openid)
}

/**
 * The openid to send. The persona id is the source of truth (a test may set only that), so the openid is
 * looked up in the gateway's list; the stored one is the fallback when the list cannot be fetched.
 */
export async function currentOpenid(): Promise<string> {
  const id = currentPersonaId()
  const persona = (await loadPersonas()).find((p) => p.id === id)
  if (persona) {
    if (localStorage.getItem(OPENID_KEY) !== persona.openid) localStorage.setItem(OPENID_KEY, persona.openid)
    return persona.openid
  }
  return localStorage.getItem(OPENID_KEY) || `demo-${DEFAULT_PERSONA_ID}`
}
