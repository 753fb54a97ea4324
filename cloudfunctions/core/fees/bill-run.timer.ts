import { must } from '../kernel/db-result'
import { FEE_COLLECTIONS } from './fee.model'
import { DEFAULT_BUDGET_MS, runBillsFor, type BillRunDeps } from './bill-run.service'
import { periodOf } from './period'

export interface TimerRunSummary {
  period: string
  communities: { communityId: string; status: string; done: number; total: number; busy: boolean }[]
}

/**
 * The monthly bill run, on a timer: the period is the Shanghai month of "now" (a trigger at
 * 2026-12-31T16:30Z bills 2027-01). Every community with active fee items gets its run created or
 * continued within one shared budget; a finished run costs one read, so the trigger can fire often
 * and the month's bills are complete within a few invocations of the 1st.
 */
export async function billRunTimer(deps: BillRunDeps, budgetMs = DEFAULT_BUDGET_MS): Promise<TimerRunSummary> {
  const started = Date.now()
  const period = periodOf(deps.clock.now())
  const groups = must(
    await deps.db.collection(FEE_COLLECTIONS.items).aggregate().match({ status: 'active' }).group({ _id: '$communityId' }).limit(500).end(),
  ) as unknown as { data: { _id: string }[] }
  const communities: TimerRunSummary['communities'] = []
  for (const { _id: communityId } of groups.data.sort((a, b) => a._id.localeCompare(b._id))) {
    const left = budgetMs - (Date.now() - started)
    if (left <= 0) break
    const { run, busy } = await runBillsFor(deps, communityId, period, false, { budgetMs: left })
    communities.push({ communityId, status: run.status, done: run.done, total: run.total, busy })
  }
  return { period, communities }
}
