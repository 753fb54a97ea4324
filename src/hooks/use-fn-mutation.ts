import { useCallback, useRef, useState } from 'react'
import type { ActionInput, ActionOutput, FunctionContract } from '@contracts/envelope'
import { callFn, FnError, isFnError } from '@/services/call-fn'
import { messageFor } from '@/services/error-messages'
import { RequestIdPolicy } from '@/services/request-id-policy'
import { toastError } from '@/services/toast'

export { isLostReply } from '@/services/request-id-policy'

export interface MutationOptions {
  /** Toast the error's Chinese message (default true); set false when the page shows it itself. */
  toast?: boolean
}

export interface Mutation<I, O> {
  /** Resolves to the output, or undefined when it failed (the error is toasted and kept in `error`). */
  run: (input: I) => Promise<O | undefined>
  busy: boolean
  error: FnError | undefined
}

/**
 * Runs a data-changing task with a busy flag, a toast on failure and RequestIdPolicy (a lost reply is
 * retried under the same request id; a real answer starts a new one). A second tap while one runs is ignored.
 */
export function useMutation<I, O>(task: (input: I, requestId: string) => Promise<O>, options: MutationOptions = {}): Mutation<I, O> {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<FnError>()
  const running = useRef(false)
  const policy = useRef(new RequestIdPolicy())
  const taskRef = useRef(task)
  taskRef.current = task

  const run = useCallback(
    async (input: I) => {
      if (running.current) return undefined
      running.current = true
      setBusy(true)
      const attempt = policy.current.idFor(input)
      try {
        const out = await taskRef.current(input, attempt.requestId)
        policy.current.settle(attempt)
        setError(undefined)
        return out
      } catch (e) {
        const err = isFnError(e) ? e : new FnError('INTERNAL', messageFor('INTERNAL'))
        policy.current.settle(attempt, err)
        setError(err)
        if (options.toast !== false) toastError(err)
        return undefined
      } finally {
        running.current = false
        setBusy(false)
      }
    },
    [options.toast],
  )
  return { run, busy, error }
}

/** useMutation for one contract action: `const pay = useFnMutation(feesContract, 'pay'); await pay.run({ billIds })`. */
export function useFnMutation<C extends FunctionContract, K extends keyof C['actions'] & string>(
  contract: C,
  action: K,
  options?: MutationOptions,
): Mutation<ActionInput<C, K>, ActionOutput<C, K>> {
  return useMutation((input: ActionInput<C, K>, requestId) => callFn(contract, action, input, { requestId }), options)
}
