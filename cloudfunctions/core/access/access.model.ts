import { defineIndexes } from '../kernel/indexes'
import type { RefusalReasonCode } from '../../contracts/access.contract'

/** Collections of the access area (shown to ops in the CloudBase console). */
export const ACCESS_COLLECTIONS = {
  doors: 'doors',
  visitorPasses: 'visitor_passes',
  logs: 'access_logs',
  /** Server-side replay memory: where each code was first used, kept until shortly after it expires. */
  passUses: 'access_pass_uses',
  rateLimits: 'access_rate_limits',
} as const

export const ACCESS_INDEXES = defineIndexes(
  { collection: ACCESS_COLLECTIONS.doors, fields: ['communityId', 'status'] },
  { collection: ACCESS_COLLECTIONS.doors, fields: ['communityId', 'doorNo'], unique: true },
  { collection: ACCESS_COLLECTIONS.visitorPasses, fields: ['householdId', 'createdAt'] },
  { collection: ACCESS_COLLECTIONS.logs, fields: ['communityId', 'at'] },
  { collection: ACCESS_COLLECTIONS.logs, fields: ['openid', 'at'] },
  { collection: ACCESS_COLLECTIONS.passUses, fields: ['expireAt'] },
  { collection: ACCESS_COLLECTIONS.rateLimits, fields: ['expireAt'] },
)

/**
 * A door with a reader. `doorNo` is its small number inside the community: passes carry door numbers,
 * not ids, so a QR stays small. Gates open for every member of the community, unit doors for the
 * members of households in their building.
 */
export interface DoorDoc {
  _id: string
  communityId: string
  doorNo: number
  kind: 'gate' | 'unit'
  buildingId: string | null
  name: string
  vendorDoorId: string
  status: 'active' | 'disabled'
  updatedAt: Date
}

export interface VisitorPassDoc {
  _id: string
  communityId: string
  householdId: string
  issuerOpenid: string
  /** Personal data: shown to the host and the visitor, never logged. */
  visitorName: string
  doorIds: string[]
  doorNos: number[]
  startsAt: Date
  endsAt: Date
  maxUses: number
  usedCount: number
  status: 'active' | 'revoked'
  shareToken: string
  createdAt: Date
  revokedAt?: Date
  lastUsedAt?: Date
}

export type AccessChannel = 'remote' | 'visitor_remote' | 'reader'

export interface AccessLogDoc {
  _id?: string
  communityId: string
  doorId: string | null
  doorName: string
  channel: AccessChannel
  subject: 'resident' | 'visitor' | 'unknown'
  /** The WeChat user behind the attempt when known (the resident, or the visitor who tapped open). */
  openid: string | null
  householdId: string | null
  visitorPassId: string | null
  result: 'allowed' | 'refused'
  reason: RefusalReasonCode | null
  at: Date
}
