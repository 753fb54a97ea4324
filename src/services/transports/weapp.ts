import Taro from '@tarojs/taro'
import { FnError } from '../fn-error'
import { messageFor } from '../error-messages'
import type { Transport } from '../transport'

/**
 * WeChat: wx.cloud.callFunction. CloudBase fills the caller's OPENID from the WeChat session, so nothing
 * about identity is sent. A rejected promise means the call never reached the function (network, a
 * function not deployed, a wrong env); those are channel errors, not the function's answer.
 */
export const weappTransport: Transport = async (fnName, event) => {
  try {
    const res = await Taro.cloud.callFunction({ name: fnName, data: event })
    return (res as { result?: unknown }).result
  } catch (e) {
    const errCode = (e as { errCode?: number })?.errCode
    // -501000 family: the function or the environment cannot be found / invoked.
    const code = typeof errCode === 'number' && errCode <= -501000 && errCode > -502000 ? 'FN.UNAVAILABLE' : 'NETWORK.FAILED'
    throw new FnError(code, messageFor(code))
  }
}
