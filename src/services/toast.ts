import Taro from '@tarojs/taro'
import { isFnError } from './fn-error'

/** Function errors already carry a Chinese message meant for residents; show it as it is. */
export function toastError(e: unknown, fallback = '操作失败，请稍后再试'): void {
  void Taro.showToast({ title: isFnError(e) ? e.message : fallback, icon: 'none', duration: 2500 })
}

export function toastOk(title: string): void {
  void Taro.showToast({ title, icon: 'success', duration: 1500 })
}

/** A hint that is neither success nor failure ("请选择报修类型"). */
export function toastInfo(title: string): void {
  void Taro.showToast({ title, icon: 'none', duration: 2000 })
}
