import { z } from 'zod'
import type { BaseErrorCode, ErrorCode } from './errors'

/** One action of a function: the zod schema of what comes in and of what goes out. */
export interface ActionContract<I extends z.ZodTypeAny = z.ZodTypeAny, O extends z.ZodTypeAny = z.ZodTypeAny> {
  input: I
  output: O
  /** Mutating actions must carry a requestId so a retry returns the first result. */
  mutating: boolean
}

/**
 * Who may call an action at all. The runtime checks it once per call, before any domain rule, and answers
 * everyone outside it AUTH.FORBIDDEN (console callers outside it: AUTH.UNAUTHENTICATED). Which household,
 * grid, ticket or community a caller may touch is the domain's finer check (core/auth relations).
 * - user: any signed-in WeChat user        - member: an active member of some household
 * - steward / technician / ops / merchant: active staff with that role in some community (merchant: staff of
 *   a merchant that sells in the community, core/merchants)
 * - console: ops invoking from the CloudBase console (server-to-server callers such as door readers too)
 */
export type Audience = 'user' | 'member' | 'steward' | 'technician' | 'ops' | 'merchant' | 'console'

export type Audiences<A> = { readonly [K in keyof A]: readonly Audience[] }

/**
 * Per action, the domain codes it may answer besides the base ones (contracts/errors/base.ts). The runtime
 * answers any other DomainError as INTERNAL (logged `error_code.unlisted`); tests/unit/contracts/action-errors.test.ts
 * checks each list against the codes its handler can reach (scripts/action-error-codes.ts).
 */
export type ActionErrors<A> = { readonly [K in keyof A]: readonly ErrorCode[] }

export interface FunctionContract<A extends Record<string, ActionContract> = Record<string, ActionContract>, E extends ActionErrors<A> = ActionErrors<A>> {
  name: string
  actions: A
  audience: Audiences<A>
  errors: E
}

export function query<I extends z.ZodTypeAny, O extends z.ZodTypeAny>(input: I, output: O): ActionContract<I, O> {
  return { input, output, mutating: false }
}

export function mutation<I extends z.ZodTypeAny, O extends z.ZodTypeAny>(input: I, output: O): ActionContract<I, O> {
  return { input, output, mutating: true }
}

export function defineContract<A extends Record<string, ActionContract>, const E extends ActionErrors<A>>(
  name: string,
  actions: A,
  declared: { audience: Audiences<A>; errors: E },
): FunctionContract<A, E> {
  return { name, actions, audience: declared.audience, errors: declared.errors }
}

/** The same audience for every action of a group, with named exceptions. */
export function audienceOf<A extends Record<string, ActionContract>>(actions: A, audience: readonly Audience[], except: Partial<Audiences<A>> = {}): Audiences<A> {
  return Object.fromEntries(Object.keys(actions).map((k) => [k, except[k as keyof A] ?? audience])) as Audiences<A>
}

export type ActionInput<C extends FunctionContract, K extends keyof C['actions']> = z.input<C['actions'][K]['input']>
export type ActionOutput<C extends FunctionContract, K extends keyof C['actions']> = z.infer<C['actions'][K]['output']>
/** The codes a client may branch on for one action: the base codes and what the action lists. */
export type ActionErrorCode<C extends FunctionContract, K extends keyof C['actions']> = BaseErrorCode | C['errors'][K & keyof C['errors']][number]

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
