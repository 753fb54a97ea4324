/**
 * The interest timer over the demo community: a run that crashes part-way (a database failure at a given
 * call) and is run again ends in exactly the state of a clean run — same scores, same rule tags, job done.
 */
import { createTestWorld, type TestWorld } from '../../support/test-platform'
import { runInterestTimer } from '../../../cloudfunctions/core/profiles'

const NOW = '2026-12-03T02:00:00.000Z'

function state(world: TestWorld) {
  const store = world.platform.local.engine.store
  const pick = (c: string, f: (d: any) => unknown) => store.scan(c).map((r) => JSON.stringify(f(r.doc))).sort()
  return {
    interest: pick('household_interest', (d) => [d._id, Math.round(d.level * 1e9)]),
    tags: pick('household_tags', (d) => [d._id, d.source]),
    similarity: pick('item_similarity', (d) => [d._id, d.sims]),
    jobs: pick('profile_jobs', (d) => [d._id, d.phase, d.households]),
  }
}

describe('profiles interest timer', () => {
  it('a crash at any point of the run, then a re-run, ends where a clean run ends', async () => {
    const clean = await createTestWorld({ seed: true, clockAt: NOW })
    // Scores and tags from the seed are removed, so the timer must rebuild them all.
    const wipe = async (w: TestWorld) => {
      for (const c of ['household_interest', 'household_tags']) for (const r of w.platform.local.engine.store.scan(c)) await w.platform.db.collection(c).doc((r.doc as { _id: string })._id).remove()
    }
    await wipe(clean)
    clean.platform.local.engine.resetCallCount()
    const first = await runInterestTimer(clean.platform)
    const calls = clean.platform.local.engine.callCount
    expect(first.finished).toBe(true)
    expect(first.communities).toEqual([{ communityId: 'c-sunshine', phase: 'done', households: expect.any(Number) }])
    const expected = state(clean)
    expect(expected.interest.length).toBeGreaterThan(100)
    clean.close()

    for (const at of [5, Math.floor(calls / 3), Math.floor((2 * calls) / 3), calls - 2]) {
      const w = await createTestWorld({ seed: true, clockAt: NOW })
      await wipe(w)
      const engine = w.platform.local.engine
      engine.resetCallCount()
      engine.faultHook = (_action, _params, n) => {
        if (n === at) throw new Error('injected fault')
      }
      await expect(runInterestTimer(w.platform)).rejects.toThrow()
      engine.faultHook = undefined
      const again = await runInterestTimer(w.platform)
      expect(again.finished).toBe(true)
      expect(state(w)).toEqual(expected)
      w.close()
    }
  }, 240_000)
})
