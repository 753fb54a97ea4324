/**
 * Groups: the resident's join call with 500 groups in a community (DB calls stay constant because the
 * eligible-group filter runs in one indexed query), the same call with 50 groups for comparison, and the
 * lifecycle timer across all groups. "DB calls" are wire actions the CloudBase SDK sent, counted by the engine.
 */
import { createLocalPlatform, type LocalPlatform } from '../cloudfunctions/platform/local/local-platform'
import { asTimer, asUser, invokeLocal } from '../cloudfunctions/platform/local/invoke-local'
import { seedDemo } from '../cloudfunctions/platform/local/demo/seed-demo'
import { must } from '../cloudfunctions/core/kernel/db-result'
import type { GroupKind } from '../cloudfunctions/contracts/groups.contract'
import { GROUP_COLLECTIONS, type GroupDoc } from '../cloudfunctions/core/groups/group.model'
import { CODE_VALID_MS } from '../cloudfunctions/core/groups/lifecycle.rules'
import { localCloudIdFor } from '../cloudfunctions/platform/local/open-gid.local'
import { percentile, type BenchRow } from './bench-table'

const DAY = 86_400_000
/** Per building: a full owners group, a live one, one whose code lapsed, a tenants group and a residents' group. */
const PER_BUILDING: { kind: GroupKind; members: number; codeAgeDays: number }[] = [
  { kind: 'owners', members: 200, codeAgeDays: 1 },
  { kind: 'owners', members: 120, codeAgeDays: 2 },
  { kind: 'owners', members: 60, codeAgeDays: 9 },
  { kind: 'tenants', members: 40, codeAgeDays: 3 },
  { kind: 'all', members: 150, codeAgeDays: 4 },
]

async function seedCommunity(platform: LocalPlatform, communityId: string, buildings: number): Promise<string[]> {
  const db = platform.db
  const now = platform.clock.now()
  const ids = Array.from({ length: buildings }, (_, i) => `${communityId}-b${i + 1}`)
  must(await db.collection('communities').add({ _id: communityId, name: '基准小区', createdAt: now }))
  must(await db.collection('buildings').add(ids.map((id, i) => ({ _id: id, communityId, name: `${i + 1}栋` }))))
  must(await db.collection('households').add(ids.map((b) => ({ _id: `${b}-h1`, communityId, buildingId: b, building: b, unit: '1单元', room: '101', areaM2: 90, ownerName: 'x', ownerPhoneHash: 'x', ownerPhoneLast4: '0000', updatedAt: now }))))
  must(await db.collection('residents').add(ids.map((b) => ({ _id: `${b}-r1`, openid: `${b}-owner`, householdId: `${b}-h1`, communityId, role: 'owner', status: 'active', boundAt: now }))))
  const groups: GroupDoc[] = ids.flatMap((b, bi) =>
    PER_BUILDING.map((spec, i) => {
      const savedAt = new Date(now.getTime() - spec.codeAgeDays * DAY)
      return {
        _id: `${b}-g${i}`,
        communityId,
        name: `${bi + 1}栋群${i}`,
        kind: spec.kind,
        buildingIds: [b],
        allBuildings: false,
        capacity: 200,
        memberCount: spec.members,
        seatsLeft: 200 - spec.members,
        stewardOpenid: 'bench-steward',
        openGId: null,
        openGIdBoundAt: null,
        status: 'active',
        code: { fileId: `cloud://bench.bucket/groups/${b}-${i}.png`, savedAt, expiresAt: new Date(savedAt.getTime() + CODE_VALID_MS), uploadedAt: savedAt, uploadedBy: 'bench-steward' },
        codeRemindAt: null,
        codeReminded: true,
        lastPickedAt: new Date(0),
        activityRaw: 0,
        lastActivityAt: null,
        silent: false,
        silentSince: null,
        createdAt: new Date(now.getTime() - 60 * DAY),
        updatedAt: now,
      } satisfies GroupDoc
    }),
  )
  for (let i = 0; i < groups.length; i += 500) must(await db.collection(GROUP_COLLECTIONS.groups).add(groups.slice(i, i + 500)))
  return ids
}

async function joinRun(platform: LocalPlatform, buildings: string[], label: string): Promise<BenchRow[]> {
  const engine = platform.local.engine
  const ms: number[] = []
  const calls: number[] = []
  const confirmCalls: number[] = []
  for (let i = 0; i < buildings.length; i++) {
    engine.resetCallCount()
    const started = performance.now()
    const res = await invokeLocal(platform, 'groups', { action: 'join', requestId: `bench-join-${buildings.length}-${i}-${buildings[i]}` }, asUser(`${buildings[i]}-owner`))
    ms.push(performance.now() - started)
    calls.push(engine.callCount)
    const data = res.ok ? (res.data as { outcome: string; group?: { id: string } }) : undefined
    // The live owners group of the resident's own building, never the full or the expired one.
    if (data?.outcome !== 'assigned' || data.group?.id !== `${buildings[i]}-g1`) throw new Error(`join picked the wrong group: ${JSON.stringify(res).slice(0, 200)}`)
    // 我已入群: the membership flips to joined and the household's 社群活跃 fact is recorded.
    engine.resetCallCount()
    const confirmed = await invokeLocal(platform, 'groups', { action: 'confirmJoined', groupId: data.group.id, requestId: `bench-confirm-${buildings.length}-${i}` }, asUser(`${buildings[i]}-owner`))
    if (!confirmed.ok) throw new Error(`confirmJoined: ${confirmed.code}`)
    confirmCalls.push(engine.callCount)
  }
  const sorted = [...ms].sort((a, b) => a - b)
  const distinct = [...new Set(calls)].join('/')
  return [
    {
      area: 'groups',
      metric: `join call, ${label}`,
      value: `${distinct} DB calls`,
      note: `p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms over ${ms.length} joins (incl. idempotency key)`,
    },
    {
      area: 'groups',
      metric: `confirmJoined (我已入群) after the join, ${label}`,
      value: `${[...new Set(confirmCalls)].join('/')} DB calls`,
      note: 'membership joined + the household fact 社群活跃 with its tag refresh (incl. idempotency key)',
    },
  ]
}

/** A card opened inside a registered WeChat group: the first open joins the person, later ones count entries. */
async function cardOpens(platform: LocalPlatform): Promise<BenchRow[]> {
  const engine = platform.local.engine
  const open = async (i: number) => {
    engine.resetCallCount()
    const res = await invokeLocal(platform, 'groups', { action: 'recordEntry', cloudID: localCloudIdFor('阳光花园1–3栋业主1群'), requestId: `bench-entry-${i}` }, asUser('demo-family'))
    if (!res.ok || !res.data) throw new Error(`recordEntry: ${JSON.stringify(res).slice(0, 200)}`)
    return engine.callCount
  }
  const first = await open(0)
  const later: number[] = []
  for (let i = 1; i <= 20; i++) later.push(await open(i))
  return [
    { area: 'groups', metric: 'recordEntry, first card open (joins)', value: `${first} DB calls`, note: 'membership + group counters + 社群活跃 facts (joined, entry) with their tag refresh (incl. idempotency key)' },
    { area: 'groups', metric: 'recordEntry, a member opens another card', value: `${[...new Set(later)].join('/')} DB calls`, note: `over ${later.length} opens: entry counted + one 社群活跃 fact with its tag refresh (incl. idempotency key)` },
  ]
}

export default async function groupsBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  const platform = createLocalPlatform({ quiet: true, env: { PHONE_PEPPER: 'bench' } })
  await seedDemo({ db: platform.db, now: platform.clock.now(), pepper: 'bench' })
  const big = await seedCommunity(platform, 'c-bench500', 100)
  const small = await seedCommunity(platform, 'c-bench50', 10)
  rows.push(...(await joinRun(platform, big.slice(0, 50), '500 groups in the community')))
  rows.push(...(await joinRun(platform, small, '50 groups in the community')))

  rows.push(...(await cardOpens(platform)))

  const engine = platform.local.engine
  engine.resetCallCount()
  const started = performance.now()
  const res = await invokeLocal(platform, 'groups', { Type: 'Timer', TriggerName: 'groupLifecycle' }, asTimer)
  if (!res.ok) throw new Error(`lifecycle failed: ${res.message}`)
  rows.push({
    area: 'groups',
    metric: `lifecycle timer, ${platform.local.engine.store.count(GROUP_COLLECTIONS.groups)} groups`,
    value: `${engine.callCount} DB calls`,
    note: `${(performance.now() - started).toFixed(1)} ms; flags silent groups with two conditional multi-updates`,
  })
  platform.local.close()
  return rows
}
