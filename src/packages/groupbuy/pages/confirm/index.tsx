import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { groupbuyContract } from '@contracts/groupbuy.contract'
import { callFn } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { usePayment } from '@/components/payment/use-payment'
import { toastError } from '@/services/toast'
import { cartItems, clearCart, loadCart, type Cart } from '../../components/cart'
import { orderUrl, windowText, yuan } from '../../components/labels'
import '../../components/groupbuy.scss'

/**
 * 确认订单: the picked SKUs, pickup point and window, who collects (prefilled from the registry, masked;
 * 修改 to enter another name and phone), a note, and the price breakdown; 提交并支付 places the order
 * (stock and the household's limit are reserved atomically by the function) and opens the cashier.
 */
export default function GroupbuyConfirmPage() {
  const { params } = useRouter()
  const campaignId = params.campaignId ?? ''
  const q = useFnQuery(groupbuyContract, 'campaign', { campaignId })
  const [cart, setCart] = useState<Cart>({})
  useEffect(() => setCart(loadCart(campaignId)), [campaignId])
  const [editing, setEditing] = useState(false)
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const { pay, sheet } = usePayment()
  const c = q.data?.campaign
  const lines = c ? c.skus.filter((s) => (cart[s.skuId] ?? 0) > 0).map((s) => ({ sku: s, quantity: cart[s.skuId] })) : []
  const total = lines.reduce((sum, l) => sum + l.sku.priceFen * l.quantity, 0)
  const usual = lines.reduce((sum, l) => sum + (l.sku.originalPriceFen ?? l.sku.priceFen) * l.quantity, 0)

  const submit = async () => {
    if (!c?.household || lines.length === 0) return
    if (editing && (!name.trim() || !/^1[3-9]\d{9}$/.test(phone.replace(/\s/g, '')))) {
      void Taro.showToast({ title: '请填写提货人姓名和 11 位手机号', icon: 'none' })
      return
    }
    setBusy(true)
    try {
      const { order, payment } = await callFn(groupbuyContract, 'placeOrder', {
        campaignId,
        householdId: c.household.householdId,
        items: cartItems(cart),
        ...(editing ? { contact: { name: name.trim(), phone: phone.replace(/\s/g, '') } } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      })
      clearCart(campaignId)
      if (payment) await pay(payment)
      // Paid or not, the order page shows the truth: the payment notify decides, not the cashier's answer.
      void Taro.redirectTo({ url: orderUrl(order.orderId, params.stewardId) })
    } catch (e) {
      toastError(e)
      void q.reload()
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='gb-page gb-confirm'>
      <PageState loading={q.loading} error={q.error} hasData={!!c} empty={!!c && lines.length === 0} emptyText='还没有选择商品' onRetry={() => void q.reload()}>
        {c && (
          <>
            <View className='card gb-confirm__pickup' data-testid='confirm-pickup'>
              <Text className='gb-detail__label'>自提点</Text>
              <Text className='gb-confirm__point'>{c.pickup.point}</Text>
              <Text className='gb-detail__text'>提货时间：{windowText(c.pickup.startsAt, c.pickup.endsAt)}</Text>
              <Text className='gb-confirm__hint'>成团后凭提货码自提，未成团自动全额退款</Text>
            </View>
            <View className='card' data-testid='confirm-contact'>
              <View className='gb-confirm__row'>
                <Text className='gb-detail__label'>提货人</Text>
                <Text className='gb-link' onClick={() => setEditing(!editing)} data-testid='edit-contact'>
                  {editing ? '使用默认' : '修改'}
                </Text>
              </View>
              {!editing && c.contact && (
                <Text className='gb-detail__text'>
                  {c.contact.name} {c.contact.phoneMasked}
                </Text>
              )}
              {!editing && c.household && <Text className='gb-confirm__hint'>{c.household.label}</Text>}
              {editing && (
                <View className='gb-confirm__form'>
                  <Input className='gb-confirm__input' placeholder='提货人姓名' value={name} maxlength={20} onInput={(e) => setName(e.detail.value)} data-testid='contact-name' />
                  <Input className='gb-confirm__input' type='number' placeholder='手机号' value={phone} maxlength={11} onInput={(e) => setPhone(e.detail.value)} data-testid='contact-phone' />
                </View>
              )}
            </View>
            <View className='card'>
              <Text className='gb-detail__label'>{c.title}</Text>
              {lines.map((l) => (
                <View key={l.sku.skuId} className='gb-confirm__line' data-testid='confirm-line'>
                  <Text className='gb-confirm__line-title'>
                    {l.sku.title} × {l.quantity}
                    {l.sku.remaining < l.quantity && (
                      <Text className='gb-confirm__short' data-testid='line-short'>
                        {l.sku.remaining > 0 ? ` 仅剩 ${l.sku.remaining} 件` : ' 已售罄'}
                      </Text>
                    )}
                  </Text>
                  <Text>{yuan(l.sku.priceFen * l.quantity)}</Text>
                </View>
              ))}
              <Textarea className='gb-confirm__note' placeholder='备注（选填），如：请放在门卫室' value={note} maxlength={100} onInput={(e) => setNote(e.detail.value)} data-testid='note' />
            </View>
            <View className='card gb-confirm__sum' data-testid='price-breakdown'>
              <View className='gb-confirm__row'>
                <Text>商品原价</Text>
                <Text>{yuan(usual)}</Text>
              </View>
              {usual > total && (
                <View className='gb-confirm__row gb-confirm__saving'>
                  <Text>团购优惠</Text>
                  <Text>-{yuan(usual - total)}</Text>
                </View>
              )}
              <View className='gb-confirm__row'>
                <Text>配送</Text>
                <Text>自提 免运费</Text>
              </View>
              <View className='gb-confirm__row gb-confirm__pay'>
                <Text>实付</Text>
                <Text>{yuan(total)}</Text>
              </View>
            </View>
            <View className='gb-checkout'>
              <Text className='gb-checkout__total'>实付 {yuan(total)}</Text>
              <Button type='primary' disabled={!c.canOrder || busy} loading={busy} onClick={() => void submit()} data-testid='submit-order'>
                {c.canOrder ? '提交并支付' : c.blockedReason}
              </Button>
            </View>
          </>
        )}
      </PageState>
      {sheet}
    </View>
  )
}
