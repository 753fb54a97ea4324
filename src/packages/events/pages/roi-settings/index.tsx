import { useEffect, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Input, Picker, View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { eventCategorySchema, eventsContract, type EventCategory } from '@contracts/events.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { useFnMutation } from '@/hooks/use-fn-mutation'
import { PageState } from '@/components/PageState'
import { toastInfo, toastOk } from '@/services/toast'
import { Field } from '../../components/Field'
import { roiChanges, roiFormOf, type RoiForm } from './roi-form'
import '../../components/events.scss'

const CATEGORY_RANGE = ['未设置', ...eventCategorySchema.options]
const pickIndex = (c: EventCategory | null) => (c ? CATEGORY_RANGE.indexOf(c) : 0)
const picked = (i: number): EventCategory | null => (i > 0 ? (CATEGORY_RANGE[i] as EventCategory) : null)

/** One "what is it filed under" row: a service item or a campaign, with a category picker. */
function CategoryRow({ title, note, value, onPick, testId }: { title: string; note?: string; value: EventCategory | null; onPick: (c: EventCategory | null) => void; testId: string }) {
  return (
    <View className='ev-setting' data-testid={testId}>
      <View className='ev-setting__text'>
        <Text className='ev-setting__title'>{title}</Text>
        {note ? <Text className='ev-setting__note'>{note}</Text> : null}
      </View>
      <Picker mode='selector' range={CATEGORY_RANGE} value={pickIndex(value)} onChange={(e) => onPick(picked(Number(e.detail.value)))}>
        <View className={`ev-picker ${value ? '' : 'ev-picker--unset'}`}>{value ?? '未设置'} ▾</View>
      </Picker>
    </View>
  )
}

/**
 * ROI 设置 (ops): the margin rate of each category, how many days after an event its attendees' orders
 * count, and which category each paid service and group-buy campaign is filed under (docs/events.md).
 */
export default function RoiSettingsPage() {
  const q = useFnQuery(eventsContract, 'roiSettings', {})
  const save = useFnMutation(eventsContract, 'setRoiSettings')
  const campaign = useFnMutation(eventsContract, 'activitySettings')
  const [f, setF] = useState<RoiForm | null>(null)
  usePullDownRefresh(() => void q.reload().finally(() => Taro.stopPullDownRefresh()))
  useEffect(() => {
    if (q.data) setF(roiFormOf(q.data))
  }, [q.data])
  const s = q.data
  const defaultPct = s ? s.defaultMarginRateBp / 100 : 20

  const submit = async () => {
    if (!s || !f) return
    const changes = roiChanges(s, f)
    if ('error' in changes) return toastInfo(changes.error)
    const saved = await save.run(changes.input)
    if (!saved) return
    for (const c of changes.campaigns) if (!(await campaign.run({ ref: { kind: 'campaign', id: c.id }, category: c.category }))) return
    toastOk('已保存，ROI 按新设置计算')
    void q.reload()
  }

  return (
    <View className='ev-page' data-testid='roi-settings'>
      <PageState loading={q.loading} error={q.error} hasData={!!s && !!f} onRetry={() => void q.reload()}>
        {s && f && (
          <>
            <Text className='section-title'>毛利率（按品类）</Text>
            <View className='card ev-form'>
              <Text className='ev-hint'>{`活动和团购的毛利 = 归因 GMV × 所属品类的毛利率；不填按默认 ${defaultPct}%。`}</Text>
              <View className='ev-rates'>
                {s.categories.map((c) => (
                  <View key={c.category} className='ev-rate' data-testid='roi-rate' data-category={c.category}>
                    <Text className='ev-rate__label'>{c.category}</Text>
                    <Input className='ev-rate__input' type='digit' value={f.rates[c.category] ?? ''} placeholder={String(defaultPct)} maxlength={6} onInput={(e) => setF({ ...f, rates: { ...f.rates, [c.category]: e.detail.value } })} />
                    <Text className='ev-rate__unit'>%</Text>
                  </View>
                ))}
              </View>
            </View>
            <Text className='section-title'>归因窗口</Text>
            <View className='card ev-form'>
              <Field label='到场住户在活动结束后多少天内的同品类订单计入活动'>
                <View className='ev-field__row'>
                  <Input className='ev-field__input ev-days' type='number' value={f.days} maxlength={2} onInput={(e) => setF({ ...f, days: e.detail.value })} data-testid='roi-days' />
                  <Text>天</Text>
                </View>
              </Field>
            </View>
            <Text className='section-title'>上门服务的品类</Text>
            <View className='card'>
              <Text className='ev-hint'>服务订单按所选品类计入同品类活动；未设置的服务不计入任何活动。缴费从不计入。</Text>
              {s.services.map((x) => (
                <CategoryRow key={x.id} title={x.title} note={x.active ? undefined : '已下架'} value={f.services[x.id] ?? null} onPick={(c) => setF({ ...f, services: { ...f.services, [x.id]: c } })} testId='roi-service' />
              ))}
            </View>
            <Text className='section-title'>团购的品类</Text>
            <View className='card'>
              {s.campaigns.length === 0 && <Text className='ev-hint'>还没有团购</Text>}
              {s.campaigns.map((x) => (
                <CategoryRow
                  key={x.id}
                  title={x.title}
                  note={x.ownMarginRateBp !== null ? `单独毛利率 ${x.ownMarginRateBp / 100}%` : undefined}
                  value={f.campaigns[x.id] ?? null}
                  onPick={(c) => setF({ ...f, campaigns: { ...f.campaigns, [x.id]: c } })}
                  testId='roi-campaign'
                />
              ))}
            </View>
          </>
        )}
      </PageState>
      <View className='ev-actions'>
        <Button type='primary' loading={save.busy || campaign.busy} disabled={!f || save.busy || campaign.busy} onClick={() => void submit()} data-testid='roi-settings-save'>
          保存设置
        </Button>
      </View>
    </View>
  )
}
