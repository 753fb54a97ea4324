import { useState } from 'react'
import { View, Text, Input, Switch } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { merchantsContract } from '@contracts/merchants.contract'
import { useFnMutation } from '@/hooks/use-fn-mutation'
import { toastOk } from '@/services/toast'
import { parseRate } from '../../components/merchant-labels'

const FIELDS = [
  { key: 'name', label: '商户名称', hint: '如 洁家家政服务', max: 40 },
  { key: 'licenceNo', label: '营业执照号 / 统一社会信用代码', hint: '15–18 位字母或数字', max: 18 },
  { key: 'contactName', label: '联系人', hint: '', max: 20 },
  { key: 'contactPhone', label: '联系电话', hint: '只保存尾号和加密摘要', max: 16 },
  { key: 'settlementAccount', label: '结算账户（微信支付商户号）', hint: '分账接收方，8–12 位数字', max: 12 },
  { key: 'rate', label: '默认扣点（%）', hint: '如 8 或 8.5；单个活动可另设并注明原因', max: 6 },
] as const
type Key = (typeof FIELDS)[number]['key']

/** 新增商户: ops onboard a merchant into their community (the same checks as the console event). */
export function OnboardForm({ communityId, onDone }: { communityId: string; onDone: () => void }) {
  const [v, setV] = useState<Record<Key, string>>({ name: '', licenceNo: '', contactName: '', contactPhone: '', settlementAccount: '', rate: '' })
  const [issues, setIssues] = useState(true)
  const onboard = useFnMutation(merchantsContract, 'onboard')
  const rateBp = parseRate(v.rate)
  const ready = v.name.trim().length >= 2 && v.licenceNo.trim().length >= 15 && v.contactName.trim() && v.contactPhone.trim().length >= 11 && v.settlementAccount.trim().length >= 8 && rateBp !== null
  const submit = async () => {
    if (rateBp === null) return
    const out = await onboard.run({ communityId, name: v.name, licenceNo: v.licenceNo, contactName: v.contactName, contactPhone: v.contactPhone, settlementAccount: v.settlementAccount, defaultRateBp: rateBp, issuesInvoices: issues })
    if (out) {
      toastOk(out.created ? '商户已入驻' : '商户信息已更新')
      onDone()
    }
  }
  return (
    <View className='mc-card mc-form' data-testid='onboard-form'>
      <Text className='mc-card__title'>新增商户</Text>
      {FIELDS.map((f) => (
        <View key={f.key} className='mc-form__row'>
          <Text className='mc-form__label'>{f.label}</Text>
          <Input className='mc-form__input' value={v[f.key]} maxlength={f.max} onInput={(e) => setV({ ...v, [f.key]: e.detail.value })} data-testid={`onboard-${f.key}`} />
          {f.hint && <Text className='mc-form__hint'>{f.hint}</Text>}
        </View>
      ))}
      <View className='mc-form__switch'>
        <Text>商户自行开具发票</Text>
        <Switch checked={issues} color='#13a8a8' onChange={(e) => setIssues(e.detail.value)} />
      </View>
      <View className='mc-card__actions'>
        <Button size='small' type='primary' disabled={!ready} loading={onboard.busy} onClick={() => void submit()} data-testid='onboard-submit'>
          确认入驻
        </Button>
      </View>
    </View>
  )
}
