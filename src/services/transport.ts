/**
 * How an event reaches a cloud function and its reply comes back. The reply is whatever the function
 * returned (expected to be a FnReply); transports throw FnError only for failures of the channel itself.
 */
export type Transport = (fnName: string, event: Record<string, unknown>) => Promise<unknown>
