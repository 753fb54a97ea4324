import Taro from '@tarojs/taro'

/** What the resident picked on the product page, handed to the confirm page (kept per campaign on the phone). */
export type Cart = Record<string, number>

const key = (campaignId: string) => `gb.cart.${campaignId}`

export function saveCart(campaignId: string, cart: Cart): void {
  Taro.setStorageSync(key(campaignId), JSON.stringify(cart))
}

export function loadCart(campaignId: string): Cart {
  try {
    const raw = Taro.getStorageSync(key(campaignId))
    const parsed = raw ? (JSON.parse(String(raw)) as Cart) : {}
    return Object.fromEntries(Object.entries(parsed).filter(([, n]) => Number.isInteger(n) && n > 0))
  } catch {
    return {}
  }
}

export function clearCart(campaignId: string): void {
  Taro.removeStorageSync(key(campaignId))
}

export const cartItems = (cart: Cart) => Object.entries(cart).filter(([, n]) => n > 0).map(([skuId, quantity]) => ({ skuId, quantity }))
