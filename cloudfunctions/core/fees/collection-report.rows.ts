import { addDays } from '../kernel/business-time'

export type AgeingBucket = 'notDue' | 'd1to30' | 'd31to90' | 'd91to180' | 'd181to365' | 'over365'

export interface ReportRow {
  billedFen: number
  billCount: number
  collectedFen: number
  paidCount: number
  lateFeeCollectedFen: number
  arrearsFen: number
  ageing: Record<AgeingBucket, number>
}

export function emptyRow(): ReportRow {
  return {
    billedFen: 0,
    billCount: 0,
    collectedFen: 0,
    paidCount: 0,
    lateFeeCollectedFen: 0,
    arrearsFen: 0,
    ageing: { notDue: 0, d1to30: 0, d31to90: 0, d91to180: 0, d181to365: 0, over365: 0 },
  }
}

/** Collection rate in percent with one decimal (0 when nothing was billed). */
export function finishRow(row: ReportRow): ReportRow & { ratePct: number } {
  return { ...row, ratePct: row.billedFen === 0 ? 0 : Math.round((row.collectedFen / row.billedFen) * 1000) / 10 }
}

/**
 * $switch branches that put a bill in its ageing bucket by comparing its due date (YYYY-MM-DD strings
 * order like dates) with the report date: days overdue = asOfDate − dueDate.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function ageingBranches($: any, asOfDate: string) {
  const dueOnOrAfter = (days: number) => $.gte(['$dueDate', addDays(asOfDate, -days)])
  return [
    { case: dueOnOrAfter(0), then: 'notDue' },
    { case: dueOnOrAfter(30), then: 'd1to30' },
    { case: dueOnOrAfter(90), then: 'd31to90' },
    { case: dueOnOrAfter(180), then: 'd91to180' },
    { case: dueOnOrAfter(365), then: 'd181to365' },
  ]
}
