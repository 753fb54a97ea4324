import Taro from '@tarojs/taro'
import { isFnError } from '@/services/call-fn'

/** Function errors already carry a Chinese message meant for residents; show it as it is. */
export function toastError(e: unknown): void {
  void Taro.showToast({ title: isFnError(e) ? e.message : '操作失败，请稍后再试', icon: 'none', duration: 2500 })
}

export function toastOk(title: string): void {
  void Taro.showToast({ title, icon: 'success', duration: 1500 })
}
