import { z } from 'zod'

/** One action of a function: the zod schema of what comes in and of what goes out. */
export interface ActionContract<I extends z.ZodTypeAny = z.ZodTypeAny, O extends z.ZodTypeAny = z.ZodTypeAny> {
  input: I
  output: O
  /** Mutating actions must carry a requestId so a retry returns the first result. */
  mutating: boolean
}

export interface FunctionContract<A extends Record<string, ActionContract> = Record<string, ActionContract>> {
  name: string
  actions: A
}

export function query<I extends z.ZodTypeAny, O extends z.ZodTypeAny>(input: I, output: O): ActionContract<I, O> {
  return { input, output, mutating: false }
}

export function mutation<I extends z.ZodTypeAny, O extends z.ZodTypeAny>(input: I, output: O): ActionContract<I, O> {
  return { input, output, mutating: true }
}

export function defineContract<A extends Record<string, ActionContract>>(name: string, actions: A): FunctionContract<A> {
  return { name, actions }
}

export type ActionInput<C extends FunctionContract, K extends keyof C['actions']> = z.input<C['actions'][K]['input']>
export type ActionOutput<C extends FunctionContract, K extends keyof C['actions']> = z.infer<C['actions'][K]['output']>

export interface ValidationIssue {
  path: string
  message: string
}

/** What every function returns, on both weapp (callFunction result) and H5 (gateway JSON). */
export type FnReply<T = unknown> =
  | { ok: true; data: T }
  | { ok: false; code: string; message: string; issues?: ValidationIssue[]; requestId?: string }

/** A client-chosen id that makes a mutating call safe to retry. */
export const requestIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'requestId 须为 8–64 位字母数字')
