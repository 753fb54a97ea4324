import { useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { groupbuyContract, type PickupPreview } from '@contracts/groupbuy.contract'
import { callFn, isFnError } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PickupPreviewCard } from '../../components/PickupPreviewCard'
import { TodayPickups } from '../../components/TodayPickups'
import '../../components/groupbuy.scss'

type Done = Awaited<ReturnType<typeof redeem>>
const redeem = (code: string, orderId: string, items: { skuId: string; quantity: number }[]) => callFn(groupbuyContract, 'redeemPickup', { code, orderId, items })
const allLeft = (p: PickupPreview) => Object.fromEntries(p.lines.map((l) => [l.skuId, l.left]))

/**
 * 提货核销 at the pickup point: scan the resident's QR (weapp) or type the 8 digits → the order's household
 * and items are shown, nothing is handed over yet → 确认核销 (all, or fewer per SKU) → a short window to
 * 撤销 a partial handover. Below: 今日待提 per pickup point. A code that turns out to be someone else's
 * order is visible in the preview before anything happens.
 */
export default function PickupPage() {
  const today = useFnQuery(groupbuyContract, 'todayPickups', {})
  useDidShow(() => void today.reload())
  usePullDownRefresh(() => void today.reload().finally(() => Taro.stopPullDownRefresh()))
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [preview, setPreview] = useState<PickupPreview | null>(null)
  const [take, setTake] = useState<Record<string, number>>({})
  const [done, setDone] = useState<Done | null>(null)
  const [refusal, setRefusal] = useState<string | null>(null)

  const guard = async (fn: () => Promise<void>) => {
    setBusy(true)
    setRefusal(null)
    try {
      await fn()
    } catch (e) {
      setRefusal(isFnError(e) ? e.message : '操作失败，请稍后再试')
    } finally {
      setBusy(false)
    }
  }
  const lookup = (raw: string) =>
    guard(async () => {
      setDone(null)
      setPreview(null)
      const p = await callFn(groupbuyContract, 'pickupLookup', { code: raw })
      setPreview(p)
      setTake(allLeft(p))
    })
  const confirm = () =>
    guard(async () => {
      if (!preview) return
      const items = Object.entries(take).filter(([, n]) => n > 0).map(([skuId, quantity]) => ({ skuId, quantity }))
      if (items.length === 0) throw new Error('请选择要交付的商品')
      const res = await redeem(preview.code, preview.orderId, items)
      setDone(res)
      setPreview(null)
      setCode('')
      void Taro.vibrateShort?.({ type: 'medium' }).catch(() => undefined)
      void today.reload()
    })
  const undo = () =>
    guard(async () => {
      if (!done) return
      const p = await callFn(groupbuyContract, 'undoPickup', { redemptionId: done.redemptionId })
      setDone(null)
      setPreview(p)
      setTake(allLeft(p))
      void today.reload()
    })
  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      await lookup(res.result)
    } catch {
      // The steward closed the scanner: nothing to do.
    }
  }
  const canUndo = !!done?.lastRedemption?.mine

  return (
    <View className='gb-page gb-pickup'>
      <View className='card'>
        {process.env.TARO_ENV !== 'h5' && (
          <Button block type='primary' disabled={busy} onClick={() => void scan()}>
            扫码提货
          </Button>
        )}
        <Text className='gb-detail__label'>输入 8 位提货码</Text>
        <Input className='gb-pickup__input' type='number' maxlength={8} value={code} placeholder='例如 1234 5678' onInput={(e) => setCode(e.detail.value)} data-testid='pickup-input' />
        <Button block type='primary' fill='outline' disabled={busy || code.replace(/\s/g, '').length !== 8} onClick={() => void lookup(code)} data-testid='pickup-lookup'>
          查询订单
        </Button>
      </View>
      {refusal && (
        <View className='card gb-pickup__refused' data-testid='pickup-refused'>
          <Text>{refusal}</Text>
        </View>
      )}
      {preview && (
        <>
          <PickupPreviewCard preview={preview} take={take} onTake={(skuId, n) => setTake({ ...take, [skuId]: n })} />
          {preview.status !== 'picked_up' ? (
            <View className='gb-pickup__actions'>
              <Button type='default' onClick={() => setPreview(null)}>
                不是这单
              </Button>
              <Button type='primary' loading={busy} disabled={busy} onClick={() => void confirm()} data-testid='pickup-confirm'>
                确认核销
              </Button>
            </View>
          ) : (
            <Text className='gb-pickup__hint'>这一单已全部提货，无需再核销</Text>
          )}
        </>
      )}
      {done && (
        <View className='card gb-pickup__done' data-testid='pickup-done'>
          <Text className='gb-pickup__ok'>{done.status === 'picked_up' ? '核销成功，已全部交付' : '已交付部分商品'}</Text>
          <Text>{done.householdLabel}</Text>
          {done.handedOver.map((l) => (
            <Text key={l.skuId}>
              本次交付：{l.title} × {l.quantity}
            </Text>
          ))}
          {done.lines
            .filter((l) => l.left > 0)
            .map((l) => (
              <Text key={l.skuId} className='gb-sku__meta'>
                仍待提：{l.title} × {l.left}
              </Text>
            ))}
          {canUndo && (
            <Text className='gb-link' onClick={() => void undo()} data-testid='pickup-undo'>
              撤销本次核销（3 分钟内）
            </Text>
          )}
        </View>
      )}
      <View className='gb-toolbar'>
        <Text className='section-title'>今日待提</Text>
        <Text className='gb-link' onClick={() => void Taro.navigateTo({ url: '/packages/groupbuy/pages/manage/index' })}>
          团购管理 ›
        </Text>
      </View>
      {today.data ? <TodayPickups data={today.data} /> : <Text className='gb-today__empty'>{today.error ? today.error.message : '加载中…'}</Text>}
    </View>
  )
}
