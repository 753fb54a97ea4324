import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { householdsContract } from '@contracts/households.contract'
import { callFn, isFnError } from '@/services/call-fn'
import { showError } from '../../components/show-error'

/**
 * Step 5: owner name + phone as registered with the property company. A network failure keeps the
 * request id so "再试一次" cannot bind twice; any answer from the server starts a fresh attempt.
 */
export function ProofForm({ householdId, label }: { householdId: string; label: string }) {
  const [ownerName, setOwnerName] = useState('')
  const [phone, setPhone] = useState('')
  const [busy, setBusy] = useState(false)
  const retryId = useRef<string>()

  const submit = async () => {
    if (!ownerName.trim() || !phone.trim()) {
      void Taro.showToast({ title: '请填写业主姓名和手机号', icon: 'none' })
      return
    }
    setBusy(true)
    try {
      await callFn(householdsContract, 'bind', { householdId, ownerName, phone }, { requestId: retryId.current })
      retryId.current = undefined
      void Taro.showToast({ title: '绑定成功', icon: 'success' })
      // Relaunch so every tab (already mounted with the old identity) loads the new household.
      setTimeout(() => void Taro.reLaunch({ url: '/pages/mine/index' }), 800)
    } catch (e) {
      retryId.current = isFnError(e) && e.code === 'NETWORK.FAILED' ? e.requestId : undefined
      showError(e)
    } finally {
      setBusy(false)
    }
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
