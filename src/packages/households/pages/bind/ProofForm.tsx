import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { householdsContract } from '@contracts/households.contract'
import { useFnMutation } from '@/hooks/use-fn-mutation'
import { toastInfo, toastOk } from '@/services/toast'

type Relation = 'owner' | 'family' | 'tenant'
const RELATIONS: { key: Relation; title: string }[] = [
  { key: 'owner', title: '业主' },
  { key: 'family', title: '家属' },
  { key: 'tenant', title: '租户' },
]

/**
 * Step 5: who the person is to the home (业主 / 家属 / 租户), and the owner's name + phone as registered with
 * the property company. 业主 binds at once; 家属 and 租户 give their own name and wait for the owner's approval.
 */
export function ProofForm({ householdId, label }: { householdId: string; label: string }) {
  const [relation, setRelation] = useState<Relation>('owner')
  const [name, setName] = useState('')
  const [ownerName, setOwnerName] = useState('')
  const [phone, setPhone] = useState('')
  // use-fn-mutation: a lost reply keeps the request id for the same input, so 再试一次 cannot bind twice.
  const bind = useFnMutation(householdsContract, 'bind')
  const busy = bind.busy
  const asOwner = relation === 'owner'

  const submit = async () => {
    if (!ownerName.trim() || !phone.trim()) return toastInfo('请填写业主姓名和手机号')
    if (!asOwner && !name.trim()) return toastInfo('请填写您的称呼，方便业主确认')
    const res = await bind.run({ householdId, ownerName, phone, relation, ...(asOwner ? {} : { name: name.trim() }) })
    if (!res) return
    toastOk(res.status === 'pending' ? '已提交，等待业主确认' : '绑定成功')
    // Relaunch so every tab (already mounted with the old identity) loads the new household.
    setTimeout(() => void Taro.reLaunch({ url: '/pages/mine/index' }), 800)
  }

  return (
    <View className='card hh-form'>
      <Text className='section-title' style={{ margin: '0 0 8px' }}>{`核验 ${label}`}</Text>
      <View className='hh-form__row'>
        <Text className='hh-form__label'>我是</Text>
        <View className='bind-relations' data-testid='bind-relation'>
          {RELATIONS.map((r) => (
            <Text key={r.key} className={`bind-relation ${relation === r.key ? 'bind-relation--on' : ''}`} onClick={() => setRelation(r.key)}>
              {r.title}
            </Text>
          ))}
        </View>
      </View>
      {!asOwner && (
        <View className='hh-form__row'>
          <Text className='hh-form__label'>您的称呼</Text>
          <Input className='hh-form__input bind-name' placeholder='如：王太太、小李' value={name} maxLength={20} onChange={setName} />
        </View>
      )}
      <View className='hh-form__row'>
        <Text className='hh-form__label'>业主姓名</Text>
        <Input className='hh-form__input bind-owner-name' placeholder='物业登记的业主姓名' value={ownerName} maxLength={30} onChange={setOwnerName} />
      </View>
      <View className='hh-form__row'>
        <Text className='hh-form__label'>业主手机</Text>
        <Input className='hh-form__input bind-phone' type='tel' placeholder='业主登记的手机号' value={phone} maxLength={13} onChange={setPhone} />
      </View>
      {!asOwner && <Text className='hh-hint bind-relation__note'>提交后需业主在“房屋成员”中同意，您才能使用缴费、门禁和团购。</Text>}
      <Button className='hh-form__submit bind-submit' type='primary' block loading={busy} disabled={busy} onClick={() => void submit()}>
        {asOwner ? '验证并绑定' : '验证并申请加入'}
      </Button>
    </View>
  )
}
