import Taro from '@tarojs/taro'
import { isFnError } from '@/services/call-fn'

/**
 * The form pages' submit: run the work with the button busy, confirm with a toast and go back to the
 * ticket (which reloads on return); a refusal shows the server's Chinese message and keeps the form.
 */
export async function submitAndBack(setBusy: (busy: boolean) => void, work: () => Promise<unknown>, done: string): Promise<void> {
  setBusy(true)
  try {
    await work()
    void Taro.showToast({ title: done, icon: 'success' })
    setTimeout(() => void Taro.navigateBack(), 600)
  } catch (e) {
    void Taro.showToast({ title: isFnError(e) ? e.message : '提交失败，请重试', icon: 'none', duration: 2500 })
  } finally {
    setBusy(false)
  }
}
