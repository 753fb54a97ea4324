import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { householdsContract } from '@contracts/households.contract'
import { useFnMutation } from '@/hooks/use-fn-mutation'
import { toastInfo, toastOk } from '@/services/toast'

/**
 * Step 5: owner name + phone as registered with the property company.
 */
export function ProofForm({ householdId, label }: { householdId: string; label: string }) {
  const [ownerName, setOwnerName] = useState('')
  const [phone, setPhone] = useState('')
  // use-fn-mutation: a lost reply keeps the request id for the same name + phone, so 再试一次 cannot bind twice.
  const bind = useFnMutation(householdsContract, 'bind')
  const busy = bind.busy

  const submit = async () => {
    if (!ownerName.trim() || !phone.trim()) return toastInfo('请填写业主姓名和手机号')
    if (!(await bind.run({ householdId, ownerName, phone }))) return
    toastOk('绑定成功')
    // Relaunch so every tab (already mounted with the old identity) loads the new household.
    setTimeout(() => void Taro.reLaunch({ url: '/pages/mine/index' }), 800)
  }

  return (
    <View className='card hh-form'>
      <Text className='section-title' style={{ margin: '0 0 8px' }}>{`核验 ${label} 的业主信息`}</Text>
      <View className='hh-form__row'>
        <Text className='hh-form__label'>业主姓名</Text>
        <Input className='hh-form__input bind-owner-name' placeholder='物业登记的业主姓名' value={ownerName} maxLength={30} onChange={setOwnerName} />
      </View>
      <View className='hh-form__row'>
        <Text className='hh-form__label'>手机号</Text>
        <Input className='hh-form__input bind-phone' type='tel' placeholder='业主登记的手机号' value={phone} maxLength={13} onChange={setPhone} />
      </View>
      <Button className='hh-form__submit bind-submit' type='primary' block loading={busy} disabled={busy} onClick={() => void submit()}>
        验证并绑定
      </Button>
    </View>
  )
}
