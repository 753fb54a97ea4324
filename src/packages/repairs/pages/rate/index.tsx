import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { repairsContract } from '@contracts/repairs.contract'
import { callFn } from '@/services/call-fn'
import { StarRow } from '../../components/StarRow'
import { submitAndBack } from '../../components/submit-and-back'
import '../../components/repairs.scss'

const DIMENSIONS = [
  { key: 'arrival', label: '上门及时' },
  { key: 'attitude', label: '服务态度' },
  { key: 'process', label: '维修过程' },
  { key: 'etiquette', label: '文明礼仪' },
] as const
type Scores = Record<(typeof DIMENSIONS)[number]['key'], number>

/** 评价: the four dimensions the property company tracks, 1–5 each, plus a comment. One rating per ticket. */
export default function RateTicketPage() {
  const { id = '' } = useRouter().params
  const [scores, setScores] = useState<Scores>({ arrival: 5, attitude: 5, process: 5, etiquette: 5 })
  const [comment, setComment] = useState('')
  const [busy, setBusy] = useState(false)
  const submit = () => submitAndBack(setBusy, () => callFn(repairsContract, 'rate', { ticketId: id, ...scores, comment: comment.trim() }), '感谢您的评价')
  return (
    <View className='repairs-page rate-page'>
      <View className='form-block'>
        <Text className='form-block__label'>本次服务评价</Text>
        {DIMENSIONS.map((d) => (
          <StarRow key={d.key} label={d.label} value={scores[d.key]} onChange={(v) => setScores({ ...scores, [d.key]: v })} />
        ))}
      </View>
      <View className='form-block'>
        <Text className='form-block__label'>说点什么（选填）</Text>
        <Textarea className='field field--area rate-comment' placeholder='师傅的服务怎么样？' value={comment} maxlength={300} onInput={(e) => setComment(e.detail.value)} />
      </View>
      <View className='actions'>
        <Button className='submit-rating' type='primary' block loading={busy} disabled={busy} onClick={() => void submit()}>
          提交评价
        </Button>
      </View>
    </View>
  )
}
