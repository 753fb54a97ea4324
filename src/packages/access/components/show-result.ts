import Taro from '@tarojs/taro'
import { isFnError } from '@/services/call-fn'

/** Errors as a toast with the function's own Chinese message (long enough to read). */
export function toastError(e: unknown): void {
  const title = isFnError(e) ? e.message : '操作失败，请稍后再试'
  void Taro.showToast({ title, icon: 'none', duration: 2500 })
}

export function toastOk(title: string): void {
  void Taro.showToast({ title, icon: 'success', duration: 1800 })
}
