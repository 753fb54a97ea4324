import Taro from '@tarojs/taro'
import { isFnError } from '@/services/call-fn'

/** Function errors carry a Chinese message made for residents; show it as it is. */
export function showError(e: unknown): void {
  const title = isFnError(e) ? e.message : '操作失败，请稍后再试'
  void Taro.showToast({ title, icon: 'none', duration: 2500 })
}
