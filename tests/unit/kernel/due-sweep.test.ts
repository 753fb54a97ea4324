import { sweepDue } from '../../../cloudfunctions/core/kernel/due-sweep'

/**
 * The kernel's due sweep over an in-memory queue: the outbox drain and the unpaid-order expiry run on it
 * (their fault-injection tests are tests/functions/orders/outbox-faults.test.ts and expiry-and-faults.test.ts).
 */
interface Job {
  _id: string
  dueAt: number
  done?: boolean
  lease?: number
}

function queue(n: number) {
  const jobs: Job[] = Array.from({ length: n }, (_, i) => ({ _id: `j${i}`, dueAt: i }))
  const due = (batch: number) => async (now: Date) =>
    jobs
      .filter((j) => !j.done && j.dueAt <= now.getTime())
      .sort((a, b) => a.dueAt - b.dueAt)
      .slice(0, batch)
  return { jobs, due }
}

describe('kernel due sweep', () => {
  it('handles every due job once, batch after batch, oldest first', async () => {
    const q = queue(250)
    const order: string[] = []
    const counts = await sweepDue({ now: () => new Date(1000), due: q.due(100), handle: async (j: Job) => (order.push(j._id), (j.done = true), 'done' as const) }, ['done'])
    expect(counts).toEqual({ done: 250, skipped: 0 })
    expect(order).toEqual(q.jobs.map((j) => j._id))
  })

  it('a job still due after a failed round is not retried in the same run (no hot loop)', async () => {
    const q = queue(5)
    let calls = 0
    const counts = await sweepDue(
      {
        now: () => new Date(1000),
        due: q.due(2),
        handle: async (j: Job) => {
          calls += 1
          if (j._id === 'j1') return 'failed' as const // stays due: a later run retries it
          j.done = true
          return 'done' as const
        },
      },
      ['done', 'failed'],
    )
    expect(counts).toEqual({ done: 4, failed: 1, skipped: 0 })
    expect(calls).toBe(5)
  })

  it('a job another run holds is skipped; overlapping runs with a lease handle each job exactly once', async () => {
    const q = queue(60)
    const handled: string[] = []
    const run = () =>
      sweepDue(
        {
          now: () => new Date(1000),
          due: q.due(10),
          claim: async (j: Job) => {
            await Promise.resolve()
            if (q.jobs.find((x) => x._id === j._id)!.lease) return null
            j.lease = 1
            return j
          },
          handle: async (j: Job) => {
            await new Promise((r) => setImmediate(r))
            handled.push(j._id)
            j.done = true
            return 'done' as const
          },
        },
        ['done'],
      )
    const runs = await Promise.all([run(), run(), run()])
    expect(handled.sort()).toEqual(q.jobs.map((j) => j._id).sort())
    expect(runs.reduce((n, r) => n + r.done, 0)).toBe(60)
    expect(runs.reduce((n, r) => n + r.skipped, 0)).toBeGreaterThan(0)
  })

  it('stops reading new batches once the item budget or the time budget is spent', async () => {
    const q = queue(50)
    const handle = async (j: Job) => ((j.done = true), 'done' as const)
    expect(await sweepDue({ now: () => new Date(1000), due: q.due(20), handle, maxItems: 30 }, ['done'])).toEqual({ done: 40, skipped: 0 })
    expect(await sweepDue({ now: () => new Date(1000), due: q.due(20), handle, endsAt: Date.now() - 1 }, ['done'])).toEqual({ done: 0, skipped: 0 })
    expect(await sweepDue({ now: () => new Date(1000), due: q.due(20), handle }, ['done'])).toEqual({ done: 10, skipped: 0 })
  })
})
