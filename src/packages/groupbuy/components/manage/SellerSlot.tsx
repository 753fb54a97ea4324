import { Text } from '@tarojs/components'
import { Field } from './FormFields'

/**
 * Where the campaign's seller (property company or a merchant) and its 扣点 rate go. The merchants area adds
 * sellers to campaigns; until its contract fields are on this branch the campaign is sold by the property
 * company, and this row says so instead of offering a choice that would be ignored.
 */
export function SellerSlot() {
  return (
    <Field label='商家'>
      <Text className='gbf-static'>物业自营（商家入驻后可选择商家及扣点）</Text>
    </Field>
  )
}
