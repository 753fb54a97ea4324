/**
 * 住户画像 at scale: PROFILE_BENCH_HOUSEHOLDS households (default 100,000) in 10 communities, 10 purchases
 * each (1,000,000 orders' lines as purchase interactions over the last 180 days, 300 items per community in
 * 7 categories). Seeded once into PROFILE_BENCH_DIR (default profiles-bench-<n> under the OS temp dir);
 * each run works on a fresh copy. Rows: the similarity rebuild, the full interest recompute (the daily
 * timer pass over every household, run to completion), the incremental path (one paid order), and the
 * segment preview "近30天买过生鲜的 1–3 栋住户" through the profiles function — time and DB calls.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { appWiring } from '../cloudfunctions/areas'
import { createLocalDb } from '../cloudfunctions/platform/local/db/create-local-db'
import { createLocalPlatform } from '../cloudfunctions/platform/local/local-platform'
import { asUser, invokeLocal } from '../cloudfunctions/platform/local/invoke-local'
import { must } from '../cloudfunctions/core/kernel/db-result'
import type { Db } from '@cloudbase/database'
import { interactionId, INTERACTION_COLLECTION, type InteractionDoc } from '../cloudfunctions/core/profiles/interaction.model'
import { HOUSEHOLD_ITEMS_COLLECTION, type HouseholdItemsDoc } from '../cloudfunctions/core/profiles/household-items'
import { rebuildSimilarity, recordInteraction, runInterestTimer } from '../cloudfunctions/core/profiles'
import { percentile, type BenchRow } from './bench-table'

const HOUSEHOLDS = Number(process.env.PROFILE_BENCH_HOUSEHOLDS ?? 100_000)
const COMMUNITIES = 10
const PER_COMMUNITY = Math.ceil(HOUSEHOLDS / COMMUNITIES)
const ORDERS_PER_HOUSEHOLD = 10
const ITEMS = 300
const CATEGORIES = ['生鲜', '母婴', '宠物', '家政', '家电', '日用', '维修服务']
const BUILDINGS = 20
const NOW = new Date('2026-12-03T02:00:00Z')
const DAY = 86_400_000
/** Wall-clock budget for the full recompute row; unfinished, the row reports households done and the rate. */
const BUDGET_S = Number(process.env.PROFILE_BENCH_RECOMPUTE_S ?? 180)
const CACHE = process.env.PROFILE_BENCH_DIR ?? path.join(os.tmpdir(), `profiles-bench-${HOUSEHOLDS}`)
const fmt = (n: number) => Math.round(n).toLocaleString('en-US')

/** A fixed pseudo-random stream, so every seed is the same data. */
function rng(seed: number) {
  let s = seed >>> 0
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296)
}

async function addAll(db: Db, collection: string, docs: object[]) {
  for (let i = 0; i < docs.length; i += 1000) must(await db.collection(collection).add(docs.slice(i, i + 1000)))
}

async function seed(db: Db): Promise<{ interactions: number; seconds: number }> {
  const started = Date.now()
  const rand = rng(42)
  let interactions = 0
  for (let c = 0; c < COMMUNITIES; c++) {
    const communityId = `pc-${c}`
    // Items have a category; households lean towards two favourite categories, which gives co-purchases structure.
    const itemCategory = Array.from({ length: ITEMS }, (_, i) => CATEGORIES[i % CATEGORIES.length])
    const households: object[] = []
    const sets: HouseholdItemsDoc[] = []
    let batch: InteractionDoc[] = []
    for (let h = 0; h < PER_COMMUNITY; h++) {
      const householdId = `ph-${c}-${String(h).padStart(6, '0')}`
      const b = (h % BUILDINGS) + 1
      households.push({ _id: householdId, communityId, buildingId: `pb-${c}-${b}`, building: `${b}栋`, unit: `${(h % 3) + 1}单元`, room: `${(h % 30) + 1}01`, areaM2: 90, ownerName: '测试', ownerPhoneHash: 'x', ownerPhoneLast4: '0000', updatedAt: NOW })
      const fav = [Math.floor(rand() * CATEGORIES.length), Math.floor(rand() * CATEGORIES.length)]
      const set: HouseholdItemsDoc = { _id: householdId, communityId, items: [], categories: {}, updatedAt: NOW }
      for (let o = 0; o < ORDERS_PER_HOUSEHOLD; o++) {
        const cat = rand() < 0.7 ? fav[o % 2] : Math.floor(rand() * CATEGORIES.length)
        const itemIndex = cat + CATEGORIES.length * Math.floor(rand() * (ITEMS / CATEGORIES.length))
        const itemId = `pi-${c}-${itemIndex}`
        const sourceId = `po-${householdId}-${o}`
        batch.push({ _id: interactionId('purchase', sourceId, householdId), householdId, communityId, kind: 'purchase', category: itemCategory[itemIndex], itemId, weight: 1, sourceId, at: new Date(NOW.getTime() - Math.floor(rand() * 180) * DAY), recordedAt: NOW })
        if (!set.items.includes(itemId)) set.items.push(itemId)
        set.categories[itemId] = itemCategory[itemIndex]
      }
      sets.push(set)
      if (batch.length >= 5000) {
        await addAll(db, INTERACTION_COLLECTION, batch)
        interactions += batch.length
        batch = []
      }
    }
    await addAll(db, INTERACTION_COLLECTION, batch)
    interactions += batch.length
    await addAll(db, HOUSEHOLD_ITEMS_COLLECTION, sets)
    await addAll(db, 'households', households)
    await addAll(db, 'buildings', Array.from({ length: BUILDINGS }, (_, i) => ({ _id: `pb-${c}-${i + 1}`, communityId, name: `${i + 1}栋` })))
    await addAll(db, 'staff', [{ _id: `ps-${c}`, openid: `bench-ops-${c}`, communityId, role: 'ops', name: '运营', status: 'active' }])
    process.stderr.write(`  community ${c + 1}/${COMMUNITIES} seeded (${fmt(interactions)} interactions)\n`)
  }
  return { interactions, seconds: Math.round((Date.now() - started) / 1000) }
}

export default async function profilesBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  const marker = path.join(CACHE, 'seeded.json')
  if (!fs.existsSync(marker)) {
    fs.rmSync(CACHE, { recursive: true, force: true })
    const local = createLocalDb({ dataDir: CACHE, now: () => NOW, indexSpecs: appWiring().indexesOf })
    const stats = await seed(local.db)
    local.close()
    fs.writeFileSync(marker, JSON.stringify(stats))
  }
  const stats = JSON.parse(fs.readFileSync(marker, 'utf8')) as { interactions: number; seconds: number }
  rows.push({ area: 'profiles', metric: 'seed (batch inserts of 1000)', value: `${stats.seconds} s`, note: `${fmt(HOUSEHOLDS)} households in ${COMMUNITIES} communities, ${fmt(stats.interactions)} purchase interactions, ${ITEMS} items per community` })
  const run = fs.mkdtempSync(path.join(os.tmpdir(), 'profiles-run-'))
  fs.copyFileSync(path.join(CACHE, 'cloudbase.sqlite'), path.join(run, 'cloudbase.sqlite'))
  const platform = createLocalPlatform({ dataDir: run, clock: { now: () => NOW }, quiet: true })
  const engine = platform.local.engine
  try {
    // 1. Similarity rebuild of one community (what the daily timer does first, per community).
    engine.resetCallCount()
    let t = performance.now()
    const built = await rebuildSimilarity(platform, 'pc-0')
    rows.push({ area: 'profiles', metric: 'similarity rebuild, one community', value: `${fmt(performance.now() - t)} ms`, note: `${fmt(built.households)} households, ${built.items} items; ${fmt(engine.callCount)} DB calls` })

    // 2. The daily pass to completion: every community's rebuild, then every household's scores and rule tags.
    engine.resetCallCount()
    t = performance.now()
    let passes = 0
    let result
    do {
      result = await runInterestTimer(platform, { deadlineMs: 45_000 })
      passes++
    } while (!result.finished && performance.now() - t < BUDGET_S * 1000)
    const fullMs = performance.now() - t
    const done = result.communities.reduce((n, c) => n + c.households, 0)
    const perHousehold = fullMs / Math.max(1, done)
    rows.push({
      area: 'profiles',
      metric: result.finished ? 'interest recompute, all households (timer)' : `interest recompute, first ${Math.round(fullMs / 1000)} s of the timer`,
      value: result.finished ? `${(fullMs / 1000).toFixed(0)} s` : `${fmt(done)} households`,
      note: `${fmt(done)} of ${fmt(HOUSEHOLDS)} households (${fmt(stats.interactions)} orders); ${fmt(engine.callCount)} DB calls (${(engine.callCount / Math.max(1, done)).toFixed(1)}/household); ${perHousehold.toFixed(1)} ms/household${result.finished ? '' : ` → about ${Math.round((perHousehold * HOUSEHOLDS) / 60_000)} min for all at this rate`}; ${passes} timer runs of ≤45 s`,
    })

    // 3. Incremental: one paid order's line → interaction, item set, recompute of that household.
    const ms: number[] = []
    let calls = 0
    for (let i = 0; i < 200; i++) {
      const householdId = `ph-${i % COMMUNITIES}-${String(i * 37).padStart(6, '0')}`
      engine.resetCallCount()
      const s = performance.now()
      await recordInteraction(platform, { householdId, communityId: `pc-${i % COMMUNITIES}`, kind: 'purchase', category: '生鲜', itemId: `pi-${i % COMMUNITIES}-0`, at: NOW, sourceId: `bench-new-${i}` })
      ms.push(performance.now() - s)
      calls += engine.callCount
    }
    ms.sort((a, b) => a - b)
    rows.push({ area: 'profiles', metric: 'incremental recompute (one paid line)', value: `p50 ${percentile(ms, 50).toFixed(1)} ms`, note: `p95 ${percentile(ms, 95).toFixed(1)} ms; ${(calls / 200).toFixed(1)} DB calls` })

    // 4. Segment preview through the function, as ops of one community.
    const pv: number[] = []
    let pvCalls = 0
    let size = 0
    for (let i = 0; i < 20; i++) {
      engine.resetCallCount()
      const s = performance.now()
      const reply = (await invokeLocal(platform, 'profiles', { action: 'previewSegment', communityId: 'pc-1', criteria: { buildingIds: ['pb-1-1', 'pb-1-2', 'pb-1-3'], purchased: { category: '生鲜', withinDays: 30 } } }, asUser('bench-ops-1'))) as { ok: boolean; data: { size: number } }
      pv.push(performance.now() - s)
      pvCalls += engine.callCount
      if (!reply.ok) throw new Error(JSON.stringify(reply))
      size = reply.data.size
    }
    pv.sort((a, b) => a - b)
    rows.push({ area: 'profiles', metric: 'segment preview 近30天买过生鲜的 1–3 栋', value: `p50 ${percentile(pv, 50).toFixed(0)} ms`, note: `p95 ${percentile(pv, 95).toFixed(0)} ms; ${(pvCalls / 20).toFixed(0)} DB calls; ${size} of ${fmt(PER_COMMUNITY)} households` })
    const pi: number[] = []
    for (let i = 0; i < 20; i++) {
      const s = performance.now()
      const reply = (await invokeLocal(platform, 'profiles', { action: 'previewSegment', communityId: 'pc-1', criteria: { interest: { category: '母婴', minScore: 1.5 } } }, asUser('bench-ops-1'))) as { ok: boolean; data: { size: number } }
      pi.push(performance.now() - s)
      if (!reply.ok) throw new Error(JSON.stringify(reply))
      size = reply.data.size
    }
    pi.sort((a, b) => a - b)
    rows.push({ area: 'profiles', metric: 'segment preview 母婴兴趣分 ≥ 1.5', value: `p50 ${percentile(pi, 50).toFixed(0)} ms`, note: `p95 ${percentile(pi, 95).toFixed(0)} ms; ${size} of ${fmt(PER_COMMUNITY)} households` })
  } finally {
    platform.local.close()
    fs.rmSync(run, { recursive: true, force: true })
  }
  return rows
}
