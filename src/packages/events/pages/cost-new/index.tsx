import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Input, View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { COST_ITEM_LABELS, PARTY_KIND_LABELS, eventsContract } from '@contracts/events.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { useMutation } from '@/hooks/use-fn-mutation'
import { callFn } from '@/services/call-fn'
import { monthFolder, uploadImagesOnce } from '@/services/upload'
import { toastOk } from '@/services/toast'
import { ChipGroup } from '../../components/ChipGroup'
import { Field } from '../../components/Field'
import { emptyCostForm, toSubmitInput, type CostForm, type PartyKind } from './cost-form'
import '../../components/events.scss'

const ITEMS = (Object.keys(COST_ITEM_LABELS) as CostForm['item'][]).map((k) => ({ key: k, label: COST_ITEM_LABELS[k] }))
const PARTY_KINDS = (Object.keys(PARTY_KIND_LABELS) as PartyKind[]).map((k) => ({ key: k, label: PARTY_KIND_LABELS[k] }))
const RULES = [
  { key: 'equal' as const, label: '平均分摊' },
  { key: 'gmv' as const, label: '按 GMV 占比' },
]
const MAX_RECEIPTS = 9

/** 登记费用: which activities it belongs to (shared: how to split), who bears it, amount, receipt photos. */
export default function CostNewPage() {
  const [f, setF] = useState<CostForm>(emptyCostForm)
  const set = <K extends keyof CostForm>(k: K, v: CostForm[K]) => setF((old) => ({ ...old, [k]: v }))
  const acts = useFnQuery(eventsContract, 'activities', {})
  const uploaded = useRef(new Map<string, string>())
  const submit = useMutation(async (form: CostForm, requestId: string) => {
    const receipts = await uploadImagesOnce(form.photos, monthFolder('events'), uploaded.current)
    return callFn(eventsContract, 'submitCost', toSubmitInput(form, receipts), { requestId })
  })
  const options = (acts.data?.activities ?? []).map((a) => ({ key: `${a.ref.kind}.${a.ref.id}`, label: `${a.ref.kind === 'event' ? '活动' : '团购'} · ${a.title}`, ref: a.ref }))
  const selectedKeys = f.activities.map((r) => `${r.kind}.${r.id}`)
  const toggleActivity = (key: string) => {
    const ref = options.find((o) => o.key === key)?.ref
    if (!ref) return
    set('activities', selectedKeys.includes(key) ? f.activities.filter((r) => `${r.kind}.${r.id}` !== key) : [...f.activities, ref])
  }
  const setBearer = (i: number, patch: Partial<CostForm['bearers'][number]>) => set('bearers', f.bearers.map((b, j) => (j === i ? { ...b, ...patch } : b)))
  const pick = async () => {
    try {
      const res = await Taro.chooseImage({ count: MAX_RECEIPTS - f.photos.length, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      set('photos', [...f.photos, ...res.tempFilePaths].slice(0, MAX_RECEIPTS))
    } catch {
      // backed out of the picker
    }
  }
  const save = async () => {
    if (await submit.run(f)) {
      toastOk('已提交，等待运营核销')
      void Taro.navigateBack()
    }
  }

  return (
    <View className='ev-page' data-testid='cost-form'>
      <View className='card ev-form'>
        <Field label='所属活动（可多选，多选即分摊）'>
          <ChipGroup options={options} selected={selectedKeys} onToggle={toggleActivity} testId='cost-activities' />
        </Field>
        {f.activities.length > 1 && (
          <Field label='分摊规则'>
            <ChipGroup options={RULES} selected={[f.rule]} onToggle={(r) => set('rule', r)} />
          </Field>
        )}
        <Field label='费用类型'>
          <ChipGroup options={ITEMS} selected={[f.item]} onToggle={(k) => set('item', k)} />
        </Field>
        <Field label='费用名称'>
          <Input className='ev-field__input' value={f.title} maxlength={40} placeholder='例如：抽奖奖品 保温杯 20 个' onInput={(e) => set('title', e.detail.value)} data-testid='cost-title' />
        </Field>
        <Field label='金额（元）'>
          <Input className='ev-field__input' type='digit' value={f.amount} placeholder='0.00' onInput={(e) => set('amount', e.detail.value)} data-testid='cost-amount' />
        </Field>
        <Field label={f.bearers.length > 1 ? '承担方（多方按比例分摊）' : '承担方'}>
          {f.bearers.map((b, i) => (
            <View key={i} className='ev-field'>
              <ChipGroup options={PARTY_KINDS} selected={[b.kind]} onToggle={(k) => setBearer(i, { kind: k })} />
              <View className='ev-field__row'>
                <Input className='ev-field__input' style={{ flex: 1 }} value={b.name} maxlength={30} placeholder='承担方名称' onInput={(e) => setBearer(i, { name: e.detail.value })} />
                {f.weighted && f.bearers.length > 1 && <Input className='ev-field__input' style={{ width: '60px' }} type='number' value={b.weight} placeholder='份数' onInput={(e) => setBearer(i, { weight: e.detail.value })} />}
                {f.bearers.length > 1 && (
                  <Text className='ev-link' onClick={() => set('bearers', f.bearers.filter((_, j) => j !== i))}>
                    删除
                  </Text>
                )}
              </View>
            </View>
          ))}
          <View className='ev-field__row'>
            {f.bearers.length < 10 && (
              <Text className='ev-link' onClick={() => set('bearers', [...f.bearers, { kind: 'merchant', name: '', weight: '1' }])}>
                + 添加承担方
              </Text>
            )}
            {f.bearers.length > 1 && (
              <Text className='ev-link' onClick={() => set('weighted', !f.weighted)}>
                {f.weighted ? '改为平均分摊' : '按份数分摊'}
              </Text>
            )}
          </View>
        </Field>
        <Field label='票据照片'>
          <View className='ev-receipts'>
            {f.photos.map((p, i) => (
              <Image key={`${p}-${i}`} className='ev-receipt' src={p} mode='aspectFill' onClick={() => set('photos', f.photos.filter((_, j) => j !== i))} />
            ))}
            {f.photos.length < MAX_RECEIPTS && (
              <View className='ev-receipt ev-receipt--add' onClick={() => void pick()} data-testid='cost-add-receipt'>
                <Text>+</Text>
              </View>
            )}
          </View>
        </Field>
        <Field label='备注'>
          <Input className='ev-field__input' value={f.note} maxlength={200} placeholder='选填' onInput={(e) => set('note', e.detail.value)} />
        </Field>
      </View>
      <View className='ev-actions'>
        <Button type='primary' loading={submit.busy} disabled={submit.busy} onClick={() => void save()} data-testid='cost-submit'>
          提交核销
        </Button>
      </View>
    </View>
  )
}
