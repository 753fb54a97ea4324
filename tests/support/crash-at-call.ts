import type { LocalDbEngine } from '../../cloudfunctions/platform/local/db/local-db-engine'

export interface CrashRun<T> {
  value: T
  /** Whether the n-th call came (a shorter run never reaches it). */
  faulted: boolean
  /** Database calls the run made, the crashed one included. */
  calls: number
  /** The crashed call's action and collection, e.g. "database.modifyDocument orders". */
  faultAction: string | null
}

/**
 * Runs `fn` with the n-th database call, counted from now, failing as a crash there would (0: no fault), for
 * the fault tests that crash a use case at each of its calls in turn. An error `fn` throws is passed on.
 */
export async function crashAtCall<T>(engine: LocalDbEngine, n: number, fn: () => Promise<T>): Promise<CrashRun<T>> {
  engine.resetCallCount()
  let faulted = false
  let faultAction: string | null = null
  engine.faultHook = (action, params, callNumber) => {
    if (n > 0 && callNumber === n) {
      faulted = true
      faultAction = `${action} ${String((params as { collectionName?: string }).collectionName ?? '')}`
      throw new Error('injected crash')
    }
  }
  try {
    return { value: await fn(), faulted, calls: engine.callCount, faultAction }
  } finally {
    engine.faultHook = undefined
  }
}
