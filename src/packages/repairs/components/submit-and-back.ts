import Taro from '@tarojs/taro'
import { toastError, toastOk } from '@/services/toast'

/**
 * The form pages' submit: run the work with the button busy, confirm with a toast and go back to the
 * ticket (which reloads on return); a refusal shows the server's Chinese message and keeps the form.
 */
export async function submitAndBack(setBusy: (busy: boolean) => void, work: () => Promise<unknown>, done: string): Promise<void> {
  setBusy(true)
  try {
    await work()
    toastOk(done)
    setTimeout(() => void Taro.navigateBack(), 600)
  } catch (e) {
    toastError(e, '提交失败，请重试')
  } finally {
    setBusy(false)
  }
}
