import qrcode from 'qrcode-generator'
import type { Db } from '@cloudbase/database'
import type { GroupKind } from '../../../../contracts/groups.contract'
import type { DemoSeeder } from '../seed-context'
import { fakeOpenGid } from '../../open-gid.local'
import { must } from '../../../../core/kernel/db-result'
import { rawThreshold } from '../../../../core/groups/activity-score'
import { defaultPlaybook } from '../../../../core/groups/default-playbooks'
import { GROUP_COLLECTIONS, type GroupDoc, type GroupMemberDoc, type PlaybookDoc } from '../../../../core/groups/group.model'
import { CODE_REMIND_BEFORE_MS, CODE_VALID_MS } from '../../../../core/groups/lifecycle.rules'
import { memberId } from '../../../../core/groups/membership.service'
import { playbookId } from '../../../../core/groups/playbook.service'

const COMMUNITY = 'c-sunshine'
const DAY = 86_400_000
const ALL_KINDS: GroupKind[] = ['owners', 'tenants', 'merchants', 'all']

/**
 * Demo only: the seeder has no storage port, so seeded QR codes are generated images carried as data
 * URLs (the mini-program's <Image> shows them like any URL). Real codes are uploaded files.
 */
function demoQr(name: string): string {
  const qr = qrcode(0, 'M')
  qr.addData(`https://weixin.qq.com/g/demo-${Buffer.from(name).toString('hex').slice(0, 16)}`)
  qr.make()
  return qr.createDataURL(5, 8)
}

interface Spec {
  id: string
  name: string
  kind: GroupKind
  buildingIds: string[]
  steward: string
  ageDays: number
  members: number
  /** Days since the code was saved; null = no code yet. */
  codeSavedDaysAgo: number | null
  score: number
  silent?: boolean
  pickedHoursAgo?: number
}

const SPECS: Spec[] = [
  { id: 'grp-demo-owners-1', name: '阳光花园1–3栋业主1群', kind: 'owners', buildingIds: ['b-1', 'b-2', 'b-3'], steward: 'demo-steward', ageDays: 75, members: 196, codeSavedDaysAgo: 2, score: 38 },
  { id: 'grp-demo-owners-2', name: '阳光花园1–3栋业主2群', kind: 'owners', buildingIds: ['b-1', 'b-2', 'b-3'], steward: 'demo-steward', ageDays: 3, members: 35, codeSavedDaysAgo: 1, score: 22, pickedHoursAgo: 1 },
  { id: 'grp-demo-all', name: '阳光花园住户群', kind: 'all', buildingIds: [], steward: 'demo-steward', ageDays: 40, members: 120, codeSavedDaysAgo: 6.5, score: 12 },
  { id: 'grp-demo-old', name: '阳光花园1栋老业主群', kind: 'owners', buildingIds: ['b-1'], steward: 'demo-steward', ageDays: 200, members: 150, codeSavedDaysAgo: 20, score: 0.4, silent: true },
  { id: 'grp-demo-merchants', name: '阳光花园商户群', kind: 'merchants', buildingIds: [], steward: 'demo-steward', ageDays: 60, members: 18, codeSavedDaysAgo: 3, score: 6 },
  { id: 'grp-demo-owners-4', name: '阳光花园4–6栋业主群', kind: 'owners', buildingIds: ['b-4', 'b-5', 'b-6'], steward: 'demo-steward-2', ageDays: 90, members: 143, codeSavedDaysAgo: 4, score: 25 },
  { id: 'grp-demo-tenants', name: '阳光花园租户群', kind: 'tenants', buildingIds: [], steward: 'demo-steward-2', ageDays: 30, members: 64, codeSavedDaysAgo: 5, score: 9 },
]

function groupDoc(s: Spec, now: Date): GroupDoc {
  const at = (days: number) => new Date(now.getTime() - days * DAY)
  const savedAt = s.codeSavedDaysAgo === null ? null : at(s.codeSavedDaysAgo)
  const expiresAt = savedAt && new Date(savedAt.getTime() + CODE_VALID_MS)
  return {
    _id: s.id,
    communityId: COMMUNITY,
    name: s.name,
    kind: s.kind,
    buildingIds: s.buildingIds,
    allBuildings: s.buildingIds.length === 0,
    capacity: 200,
    memberCount: s.members,
    seatsLeft: 200 - s.members,
    stewardOpenid: s.steward,
    openGId: fakeOpenGid(s.name),
    openGIdBoundAt: at(s.ageDays),
    status: 'active',
    code: savedAt && expiresAt ? { fileId: demoQr(s.name), savedAt, expiresAt, uploadedAt: savedAt, uploadedBy: s.steward } : null,
    codeRemindAt: expiresAt ? new Date(expiresAt.getTime() - CODE_REMIND_BEFORE_MS) : null,
    codeReminded: !!expiresAt && expiresAt.getTime() <= now.getTime(),
    lastPickedAt: new Date(s.pickedHoursAgo ? now.getTime() - s.pickedHoursAgo * 3_600_000 : 0),
    activityRaw: rawThreshold(s.score, now),
    lastActivityAt: at(s.silent ? 25 : 0.2),
    silent: !!s.silent,
    silentSince: s.silent ? at(10) : null,
    createdAt: at(s.ageDays),
    updatedAt: now,
  }
}

/** A few neighbours of the silent group who are still active: the ones the steward should move. */
function oldGroupMembers(now: Date): GroupMemberDoc[] {
  return ['h-1-1-301', 'h-1-2-502', 'h-1-1-1201'].map((householdId, i) => ({
    _id: memberId('grp-demo-old', `demo-neighbour-${i + 1}`),
    groupId: 'grp-demo-old',
    communityId: COMMUNITY,
    kind: 'owners',
    openid: `demo-neighbour-${i + 1}`,
    householdId,
    identity: 'owner',
    status: 'joined',
    assignedAt: null,
    joinedAt: new Date(now.getTime() - 180 * DAY),
    entries: 4 + i,
    lastEnteredAt: new Date(now.getTime() - (i + 1) * DAY),
    lastActiveAt: new Date(now.getTime() - (i + 1) * DAY),
  }))
}

async function upsertAll(db: Db, collection: string, docs: { _id: string }[]): Promise<void> {
  for (const { _id, ...rest } of docs) must(await db.collection(collection).doc(_id).set(rest))
}

export const groupsDemoSeeder: DemoSeeder = {
  name: 'groups',
  async seed({ db, now }) {
    const playbooks: PlaybookDoc[] = ALL_KINDS.map((kind) => ({ _id: playbookId(COMMUNITY, kind), communityId: COMMUNITY, kind, ...defaultPlaybook(kind), updatedAt: now }))
    await upsertAll(db, GROUP_COLLECTIONS.playbooks, playbooks)
    const groups = SPECS.map((s) => groupDoc(s, now))
    await upsertAll(db, GROUP_COLLECTIONS.groups, groups)
    await upsertAll(
      db,
      GROUP_COLLECTIONS.openGids,
      groups.map((g) => ({ _id: g.openGId!, groupId: g._id, communityId: COMMUNITY, boundAt: g.openGIdBoundAt })),
    )
    await upsertAll(db, GROUP_COLLECTIONS.members, oldGroupMembers(now))
  },
}
