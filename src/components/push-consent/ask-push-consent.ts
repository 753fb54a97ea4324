import Taro from '@tarojs/taro'
import { profilesContract } from '@contracts/profiles.contract'
import { callFn } from '@/services/call-fn'

export type ConsentAnswer = 'accept' | 'reject' | 'ban'

/**
 * Asks WeChat's subscribe dialog for the 社区推荐 (profile_push) template and reports the answer, so the
 * server sends one card per "允许". Must run inside a tap handler (WeChat refuses the dialog otherwise).
 * The template id comes from the build env (TARO_APP_WX_TPL_PROFILE_PUSH, the id the function has as
 * WX_TPL_PROFILE_PUSH). On H5 (local demo) there is no WeChat: a modal with the dialog's two choices stands
 * in for it and reports the same answers.
 */
export async function askPushConsent(): Promise<{ answer: ConsentAnswer; credits: number } | null> {
  const answer = await askDialog()
  if (!answer) return null
  const r = await callFn(profilesContract, 'recordConsent', { template: 'profile_push', answer })
  return { answer, credits: r.credits }
}

async function askDialog(): Promise<ConsentAnswer | null> {
  if (process.env.TARO_ENV !== 'weapp') {
    const r = await Taro.showModal({ title: '社区推荐提醒', content: '允许发送一次「社区推荐」微信提醒？（本地体验：模拟微信订阅弹窗）', confirmText: '允许', cancelText: '拒绝' })
    return r.confirm ? 'accept' : 'reject'
  }
  const id = process.env.TARO_APP_WX_TPL_PROFILE_PUSH
  if (!id) return null
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: [id], entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>
    const v = res[id]
    return v === 'accept' || v === 'ban' ? v : 'reject'
  } catch {
    return null
  }
}
