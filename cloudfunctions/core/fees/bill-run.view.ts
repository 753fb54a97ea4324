import type { BillRunDoc } from './fee.model'

/** The progress record as ops read it. */
export function billRunView(run: BillRunDoc, busy: boolean) {
  return {
    runId: run._id,
    communityId: run.communityId,
    period: run.period,
    status: run.status,
    total: run.total,
    done: run.done,
    failed: run.failed,
    billsCreated: run.billsCreated,
    billsExisting: run.billsExisting,
    failures: run.failures,
    startedAt: new Date(run.startedAt).toISOString(),
    updatedAt: new Date(run.updatedAt).toISOString(),
    finishedAt: run.finishedAt ? new Date(run.finishedAt).toISOString() : null,
    busy,
  }
}
