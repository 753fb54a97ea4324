import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { groupbuyContract } from '@contracts/groupbuy.contract'
import { merchantsContract } from '@contracts/merchants.contract'
import { householdsContract } from '@contracts/households.contract'
import type { CreateCampaignInput } from '@contracts/ops-groupbuy.schemas'
import { callFn } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { useFnMutation, useMutation } from '@/hooks/use-fn-mutation'
import { PageState } from '@/components/PageState'
import { monthFolder, uploadImagesOnce } from '@/services/upload'
import { detailUrl } from '../../components/labels'
import { draftFrom, emptySku, toCreateInput, type CampaignDraft } from '../../components/manage/campaign-draft'
import { AreaField, DatePick, Field, TextField, TimePick } from '../../components/manage/FormFields'
import { PhotoPick } from '../../components/manage/PhotoPick'
import { SkuEditor } from '../../components/manage/SkuEditor'
import { SellerSlot } from '../../components/manage/SellerSlot'
import { PROPERTY_SELLER, sellerChoiceOf, type SellerDraft } from '../../components/manage/seller-draft'
import '../../components/groupbuy.scss'
import '../../components/manage/manage.scss'

/**
 * 发起团购 for stewards and ops: pick a template (鲜果团 / 米面粮油 / 家政服务), change what differs, add SKUs
 * with photos, set 成团户数, the deadline and the pickup point and window, 发布. Photos are compressed on the
 * phone, uploaded through the Storage port, and checked by the function before the campaign is written.
 * 卖方: 物业自营 or a merchant of the community with its 扣点 (a changed 扣点 needs a reason), saved right
 * after publishing through the merchants area.
 */
export default function CreateCampaignPage() {
  const templates = useFnQuery(groupbuyContract, 'campaignTemplates', {})
  const me = useFnQuery(householdsContract, 'me', {})
  const community = me.data?.roles.find((r) => r.role === 'steward' || r.role === 'ops') ?? null
  const [draft, setDraft] = useState<CampaignDraft>(() => draftFrom(null))
  const [seller, setSeller] = useState<SellerDraft>(PROPERTY_SELLER)
  const uploaded = useRef(new Map<string, string>())
  useEffect(() => {
    const first = templates.data?.templates[0]
    if (first && draft.template === null && !draft.title) setDraft(draftFrom(first))
  }, [templates.data])
  const set = <K extends keyof CampaignDraft>(k: K) => (v: CampaignDraft[K]) => setDraft((d) => ({ ...d, [k]: v }))

  const create = useMutation((input: CreateCampaignInput, requestId: string) => callFn(groupbuyContract, 'createCampaign', input, { requestId }))
  const nameSeller = useFnMutation(merchantsContract, 'setSeller')
  const [uploading, setUploading] = useState(false)
  const submit = async () => {
    if (!community) return
    const check = toCreateInput(draft, community.communityId, { cover: null, skus: [] })
    if ('problem' in check) return void Taro.showToast({ title: check.problem, icon: 'none' })
    const sellerChoice = sellerChoiceOf(seller)
    if ('problem' in sellerChoice) return void Taro.showToast({ title: sellerChoice.problem, icon: 'none' })
    const paths = [draft.cover, ...draft.skus.map((s) => s.photo)]
    const local = paths.filter((p): p is string => !!p)
    setUploading(true)
    let ids: string[]
    try {
      ids = await uploadImagesOnce(local, monthFolder('groupbuy'), uploaded.current)
    } catch (e) {
      setUploading(false)
      return void Taro.showToast({ title: (e as Error).message || '图片上传失败', icon: 'none' })
    }
    setUploading(false)
    const idOf = (p: string | null) => (p ? ids[local.indexOf(p)] : null)
    const built = toCreateInput(draft, community.communityId, { cover: idOf(draft.cover), skus: draft.skus.map((s) => idOf(s.photo)) })
    if ('problem' in built) return
    const out = await create.run(built.input)
    if (!out) return
    if (sellerChoice.input) {
      const named = await nameSeller.run({ communityId: community.communityId, kind: 'groupbuy', refId: out.campaignId, ...sellerChoice.input })
      // Published all the same; the seller can still be set on 商户与结算 › 扣点.
      if (!named) return void Taro.redirectTo({ url: detailUrl(out.campaignId) })
    }
    void Taro.showToast({ title: '已发布', icon: 'success' })
    void Taro.redirectTo({ url: detailUrl(out.campaignId) })
  }

  const list = templates.data?.templates ?? []
  return (
    <View className='gb-page gbf-page'>
      <PageState loading={templates.loading || me.loading} error={templates.error ?? me.error} hasData={!!templates.data && !!me.data} empty={!community} emptyText='只有管家和物业运营可以发起团购' onRetry={() => void Promise.all([templates.reload(), me.reload()])}>
        <View className='gbf-templates'>
          <Text className='gbf-section'>从模板开始</Text>
          <View className='gbf-chips'>
            {list.map((t) => (
              <Text key={t.key} className={`gbf-chip ${draft.template === t.key ? 'gbf-chip--on' : ''}`} onClick={() => setDraft(draftFrom(t))} data-testid={`template-${t.key}`}>
                {t.label}
              </Text>
            ))}
          </View>
        </View>

        <View className='card gbf-card'>
          <Text className='gbf-section'>活动信息 · {community?.communityName}</Text>
          <TextField label='标题' value={draft.title} onChange={set('title')} placeholder='如 冬季赣南脐橙团' testId='campaign-title' />
          <AreaField label='介绍' value={draft.description} onChange={set('description')} placeholder='产地、品质、售后' maxlength={1000} />
          <Field label='封面'>
            <PhotoPick path={draft.cover} onChange={set('cover')} label='活动封面' testId='cover-photo' />
          </Field>
          {community ? <SellerSlot communityId={community.communityId} value={seller} onChange={setSeller} /> : null}
        </View>

        <View className='card gbf-card'>
          <Text className='gbf-section'>成团与时间（北京时间）</Text>
          <TextField label='成团户数' value={draft.minParticipants} onChange={set('minParticipants')} type='number' hint='截止时参团户数不足则全部自动退款' testId='min-households' />
          <Field label='截止时间'>
            <View className='gbf-when'>
              <DatePick value={draft.deadline.date} onChange={(date) => set('deadline')({ ...draft.deadline, date })} testId='deadline-date' />
              <TimePick value={draft.deadline.time} onChange={(time) => set('deadline')({ ...draft.deadline, time })} />
            </View>
          </Field>
          <TextField label='自提点' value={draft.pickupPoint} onChange={set('pickupPoint')} maxlength={60} testId='pickup-point' />
          <Field label='自提时间'>
            <View className='gbf-when'>
              <DatePick value={draft.pickupDate} onChange={set('pickupDate')} />
              <TimePick value={draft.pickupFrom} onChange={set('pickupFrom')} />
              <Text className='gbf-when__to'>至</Text>
              <TimePick value={draft.pickupTo} onChange={set('pickupTo')} />
            </View>
          </Field>
        </View>

        <Text className='gbf-section gbf-section--out'>商品（{draft.skus.length}）</Text>
        {draft.skus.map((s, i) => (
          <SkuEditor
            key={s.key}
            sku={s}
            index={i}
            onChange={(next) => setDraft((d) => ({ ...d, skus: d.skus.map((x) => (x.key === s.key ? next : x)) }))}
            onRemove={draft.skus.length > 1 ? () => setDraft((d) => ({ ...d, skus: d.skus.filter((x) => x.key !== s.key) })) : undefined}
          />
        ))}
        {draft.skus.length < 20 && (
          <View className='gbf-add' onClick={() => setDraft((d) => ({ ...d, skus: [...d.skus, emptySku()] }))} data-testid='add-sku'>
            <Text>+ 添加商品规格</Text>
          </View>
        )}

        <View className='gb-checkout'>
          <Text className='gbf-foot'>发布后住户即可下单</Text>
          <Button type='primary' loading={uploading || create.busy || nameSeller.busy} onClick={() => void submit()} data-testid='publish-campaign'>
            {uploading ? '上传图片…' : '发布团购'}
          </Button>
        </View>
      </PageState>
    </View>
  )
}
