import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { merchantsContract } from '@contracts/merchants.contract'
import { useFnMutation } from '@/hooks/use-fn-mutation'
import { toastOk } from '@/services/toast'

/** 添加员工: gives a person the merchant staff role for this merchant (their openid, as ops.addStaff takes it). */
export function AddStaffForm({ communityId, merchantId, onDone }: { communityId: string; merchantId: string; onDone: () => void }) {
  const [openid, setOpenid] = useState('')
  const [name, setName] = useState('')
  const add = useFnMutation(merchantsContract, 'addStaff')
  const submit = async () => {
    if (await add.run({ communityId, merchantId, openid: openid.trim(), name: name.trim() })) {
      toastOk('已添加，员工重新进入小程序即可看到商户工作台')
      onDone()
    }
  }
  return (
    <View className='mc-form' data-testid='add-staff-form'>
      <View className='mc-form__row'>
        <Text className='mc-form__label'>员工 openid</Text>
        <Input className='mc-form__input' value={openid} maxlength={64} onInput={(e) => setOpenid(e.detail.value)} />
      </View>
      <View className='mc-form__row'>
        <Text className='mc-form__label'>姓名</Text>
        <Input className='mc-form__input' value={name} maxlength={20} onInput={(e) => setName(e.detail.value)} />
      </View>
      <View className='mc-card__actions'>
        <Button size='small' type='primary' disabled={openid.trim().length < 3 || !name.trim()} loading={add.busy} onClick={() => void submit()}>
          添加员工
        </Button>
      </View>
    </View>
  )
}
