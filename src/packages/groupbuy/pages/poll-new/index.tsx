import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { groupbuyContract } from '@contracts/groupbuy.contract'
import { householdsContract } from '@contracts/households.contract'
import type { OpenPollInput } from '@contracts/groupbuy-poll.schemas'
import { callFn } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { useMutation } from '@/hooks/use-fn-mutation'
import { PageState } from '@/components/PageState'
import { monthFolder, uploadImagesOnce } from '@/services/upload'
import { POLLS_URL } from '../../components/labels'
import { emptyPollDraft, toOpenPollInput, type PollDraft } from '../../components/manage/poll-draft'
import { AreaField, DatePick, Field, TextField, TimePick } from '../../components/manage/FormFields'
import { PhotoPick } from '../../components/manage/PhotoPick'
import '../../components/groupbuy.scss'
import '../../components/manage/manage.scss'

/**
 * 发起严选征集 (预售 demand poll) for stewards and ops: a product, target price and households, when registration
 * closes and how long registered households then have to pay, and the pickup. Residents register without paying;
 * reaching the target opens the group buy and tells every registered household to pay.
 */
export default function NewPollPage() {
  const me = useFnQuery(householdsContract, 'me', {})
  const community = me.data?.roles.find((r) => r.role === 'steward' || r.role === 'ops') ?? null
  const [d, setDraft] = useState<PollDraft>(() => emptyPollDraft())
  const set = <K extends keyof PollDraft>(k: K) => (v: PollDraft[K]) => setDraft((x) => ({ ...x, [k]: v }))
  const uploaded = useRef(new Map<string, string>())
  const open = useMutation((input: OpenPollInput, requestId: string) => callFn(groupbuyContract, 'openPoll', input, { requestId }))
  const [uploading, setUploading] = useState(false)

  const submit = async () => {
    if (!community) return
    const check = toOpenPollInput(d, community.communityId, null)
    if ('problem' in check) return void Taro.showToast({ title: check.problem, icon: 'none' })
    let image: string | null = null
    if (d.photo) {
      setUploading(true)
      try {
        ;[image] = await uploadImagesOnce([d.photo], monthFolder('groupbuy'), uploaded.current)
      } catch (e) {
        return void Taro.showToast({ title: (e as Error).message || '图片上传失败', icon: 'none' })
      } finally {
        setUploading(false)
      }
    }
    const built = toOpenPollInput(d, community.communityId, image)
    if ('problem' in built) return
    if (!(await open.run(built.input))) return
    void Taro.showToast({ title: '已发起征集', icon: 'success' })
    void Taro.redirectTo({ url: POLLS_URL })
  }

  return (
    <View className='gb-page gbf-page'>
      <PageState loading={me.loading} error={me.error} hasData={!!me.data} empty={!community} emptyText='只有管家和物业运营可以发起征集' onRetry={() => void me.reload()}>
        <View className='card gbf-card'>
          <Text className='gbf-section'>征集商品 · {community?.communityName}</Text>
          <View className='gbf-sku__top'>
            <PhotoPick path={d.photo} onChange={set('photo')} label='商品照片' testId='poll-photo' />
            <View className='gbf-sku__main'>
              <TextField label='名称' value={d.title} onChange={set('title')} placeholder='如 阳澄湖大闸蟹' testId='poll-title' />
              <TextField label='规格' value={d.spec} onChange={set('spec')} placeholder='4对装' />
            </View>
          </View>
          <AreaField label='介绍' value={d.description} onChange={set('description')} placeholder='为什么值得买、到货时间' />
        </View>
        <View className='card gbf-card'>
          <Text className='gbf-section'>价格与目标</Text>
          <View className='gbf-pair'>
            <TextField label='目标价' value={d.targetPrice} onChange={set('targetPrice')} placeholder='元' type='digit' testId='poll-price' />
            <TextField label='划线价' value={d.originalPrice} onChange={set('originalPrice')} placeholder='元' type='digit' />
          </View>
          <View className='gbf-pair'>
            <TextField label='目标户数' value={d.targetHouseholds} onChange={set('targetHouseholds')} type='number' testId='poll-target' />
            <TextField label='每户限购' value={d.limit} onChange={set('limit')} type='number' />
          </View>
          <Text className='gbf-field__hint'>达到目标户数即开团，登记的住户收到付款通知</Text>
        </View>
        <View className='card gbf-card'>
          <Text className='gbf-section'>时间与自提（北京时间）</Text>
          <Field label='登记截止'>
            <View className='gbf-when'>
              <DatePick value={d.deadline.date} onChange={(date) => set('deadline')({ ...d.deadline, date })} />
              <TimePick value={d.deadline.time} onChange={(time) => set('deadline')({ ...d.deadline, time })} />
            </View>
          </Field>
          <Field label='付款时限'>
            <View className='gbm-days'>
              {[12, 24, 48].map((h) => (
                <Text key={h} className={`gbf-chip ${d.payWindowHours === h ? 'gbf-chip--on' : ''}`} onClick={() => set('payWindowHours')(h)}>
                  {h} 小时
                </Text>
              ))}
            </View>
          </Field>
          <TextField label='自提点' value={d.pickupPoint} onChange={set('pickupPoint')} maxlength={60} />
          <Field label='自提时间'>
            <View className='gbf-when'>
              <DatePick value={d.pickupDate} onChange={set('pickupDate')} />
              <TimePick value={d.pickupFrom} onChange={set('pickupFrom')} />
              <Text className='gbf-when__to'>至</Text>
              <TimePick value={d.pickupTo} onChange={set('pickupTo')} />
            </View>
          </Field>
        </View>
        <View className='gb-checkout'>
          <Text className='gbf-foot'>登记不付款，达成后通知付款</Text>
          <Button type='primary' loading={uploading || open.busy} onClick={() => void submit()} data-testid='open-poll'>
            发起征集
          </Button>
        </View>
      </PageState>
    </View>
  )
}
