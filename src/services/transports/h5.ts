import { FnError } from '../fn-error'
import { messageFor } from '../error-messages'
import type { Transport } from '../transport'
import { currentOpenid } from '../../dev/persona-store'

/**
 * H5 (local development only): POST to the local gateway, which plays CloudBase and takes the caller's
 * openid from the chosen demo persona. This file is only reachable behind TARO_ENV === 'h5'.
 */
export const h5Transport: Transport = async (fnName, event) => {
  let res: Response
  try {
    res = await fetch(`${FN_GATEWAY}/fn/${encodeURIComponent(fnName)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-openid': await currentOpenid() },
      body: JSON.stringify(event),
    })
  } catch {
    throw new FnError('NETWORK.FAILED', messageFor('NETWORK.FAILED'))
  }
  if (!res.ok) throw new FnError('FN.UNAVAILABLE', messageFor('FN.UNAVAILABLE'))
  try {
    return await res.json()
  } catch {
    throw new FnError('REPLY.INVALID', messageFor('REPLY.INVALID'))
  }
}
