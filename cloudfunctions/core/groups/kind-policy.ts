import type { GroupIdentity, GroupKind } from '../../contracts/groups.contract'

/**
 * Who may enter which kind of group, as data (DOMAIN.md: "identities that must not enter a group type
 * are refused, e.g. merchants into owner groups"). Family members live in the owner's home, so they go
 * where owners go. "all" is the residents' group; merchants are kept to merchant groups so residents'
 * groups do not turn into advertising boards.
 */
export const KIND_ADMITS: Record<GroupKind, readonly GroupIdentity[]> = {
  owners: ['owner', 'family'],
  tenants: ['tenant'],
  merchants: ['merchant'],
  all: ['owner', 'family', 'tenant'],
}

/** Which kinds to look in, best first, when the resident does not ask for one. */
export const PREFERRED_KINDS: Record<GroupIdentity, readonly GroupKind[]> = {
  owner: ['owners', 'all'],
  family: ['owners', 'all'],
  tenant: ['tenants', 'all'],
  merchant: ['merchants'],
}

/** The reason shown to a person refused from a kind: what it is for and where they belong instead. */
const REFUSALS: Record<GroupKind, string> = {
  owners: '业主群仅限业主及家属加入',
  tenants: '租户群仅限租户加入',
  merchants: '商户群仅限已登记的商户加入',
  all: '全体住户群仅限本小区住户加入',
}

const ALTERNATIVES: Record<GroupIdentity, string> = {
  owner: '您可以加入业主群或全体住户群',
  family: '您可以加入业主群或全体住户群',
  tenant: '租户请加入租户群或全体住户群',
  merchant: '商户请加入商户群，不能在住户群内经营',
}

export function mayEnter(identity: GroupIdentity, kind: GroupKind): boolean {
  return KIND_ADMITS[kind].includes(identity)
}

export function refusalReason(identity: GroupIdentity, kind: GroupKind): string {
  return `${REFUSALS[kind]}，${ALTERNATIVES[identity]}`
}

export const IDENTITY_LABELS: Record<GroupIdentity, string> = { owner: '业主', family: '家属', tenant: '租户', merchant: '商户' }
