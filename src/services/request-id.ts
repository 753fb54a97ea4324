/**
 * A request id makes a mutating call safe to retry: the function runtime answers a repeated id with the
 * first result. It only has to be unique per caller, so time + randomness is enough (WeChat's JS engine
 * has no crypto.getRandomValues on every base library version).
 */
export function newRequestId(): string {
  const random = Math.random().toString(36).slice(2, 12).padEnd(10, '0')
  return `r${Date.now().toString(36)}${random}`
}
