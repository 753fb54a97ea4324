import { useCallback, useRef, useState, type ReactNode } from 'react'
import Taro from '@tarojs/taro'
import type { PaymentParams } from '@contracts/orders.contract'

export type PayResult = 'paid' | 'cancelled'

// H5 only (a build-time constant, so the weapp bundle never contains the sandbox sheet or the dev personas).
const SandboxPaySheet = process.env.TARO_ENV === 'h5' ? (require('./SandboxPaySheet') as typeof import('./SandboxPaySheet')).SandboxPaySheet : null

/**
 * Pays with the parameters an order action returned. weapp: WeChat's own cashier (Taro.requestPayment);
 * H5 (local only): the sandbox sheet, whose 确认支付 makes the sandbox gateway send the real notify.
 * Either way the order becomes paid only through the notify — the page reloads the order afterwards.
 */
export function usePayment(): { pay: (p: PaymentParams) => Promise<PayResult>; sheet: ReactNode } {
  const [pending, setPending] = useState<PaymentParams>()
  const resolver = useRef<(r: PayResult) => void>()

  const pay = useCallback(async (p: PaymentParams): Promise<PayResult> => {
    if (SandboxPaySheet) {
      setPending(p)
      return new Promise<PayResult>((resolve) => {
        resolver.current = resolve
      })
    }
    try {
      await Taro.requestPayment({ timeStamp: p.timeStamp, nonceStr: p.nonceStr, package: p.package, signType: p.signType as 'RSA', paySign: p.paySign })
      return 'paid'
    } catch {
      // requestPayment:fail cancel — the person closed WeChat's cashier.
      return 'cancelled'
    }
  }, [])

  const done = (r: PayResult) => {
    setPending(undefined)
    resolver.current?.(r)
    resolver.current = undefined
  }
  const sheet = SandboxPaySheet && pending ? <SandboxPaySheet payment={pending} onDone={done} /> : null
  return { pay, sheet }
}
