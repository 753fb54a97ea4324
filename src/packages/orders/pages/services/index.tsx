import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { householdsContract } from '@contracts/households.contract'
import { ordersContract, type ServiceItem } from '@contracts/orders.contract'
import { callFn } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { detailUrl, yuan } from '../../components/labels'
import { usePayment } from '@/components/payment/use-payment'
import { toastError } from '@/services/toast'
import './index.scss'

/** 到家服务: the community's paid services; 立即预约 places a service order and opens the cashier. */
export default function ServicesPage() {
  const me = useFnQuery(householdsContract, 'me', {})
  const catalog = useFnQuery(ordersContract, 'serviceCatalog', {})
  const { pay, sheet } = usePayment()
  const [busyId, setBusyId] = useState<string>()
  const householdId = me.data?.currentHouseholdId ?? null

  const order = async (item: ServiceItem) => {
    if (!householdId) return
    setBusyId(item.id)
    try {
      const { order: placed, payment } = await callFn(ordersContract, 'createServiceOrder', { householdId, serviceItemId: item.id, quantity: 1 })
      await pay(payment)
      // Paid or not, the detail page shows the truth (the notify decides, not the cashier's return value).
      void Taro.redirectTo({ url: detailUrl(placed.orderId) })
    } catch (e) {
      toastError(e)
    } finally {
      setBusyId(undefined)
    }
  }

  const loading = me.loading || catalog.loading
  const items = catalog.data?.items
  return (
    <View className='services-page'>
      <PageState
        loading={loading}
        error={me.error ?? catalog.error}
        hasData={!!items && !!me.data}
        empty={!householdId || items?.length === 0}
        emptyText={householdId ? '本小区暂未开通到家服务' : '绑定房屋后即可预约到家服务'}
        onRetry={() => void Promise.all([me.reload(), catalog.reload()])}
      >
        {items?.map((item) => (
          <View key={item.id} className='card service-item' data-testid='service-item'>
            <View className='service-item__text'>
              <Text className='service-item__title'>{item.title}</Text>
              <Text className='service-item__desc'>{item.description}</Text>
              <Text className='service-item__price'>
                {yuan(item.unitPriceFen)}
                <Text className='service-item__unit'> / {item.unit}</Text>
              </Text>
            </View>
            <Button type='primary' size='small' loading={busyId === item.id} disabled={!!busyId} onClick={() => void order(item)}>
              立即预约
            </Button>
          </View>
        ))}
      </PageState>
      {sheet}
    </View>
  )
}
