import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Input, View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { COST_ITEM_LABELS, PARTY_KIND_LABELS, type CostView } from '@contracts/events.contract'
import { shortTime, yuan } from '@/services/format'

const STATUS = { submitted: '待核销', approved: '已核销', rejected: '已驳回' } as const

/** One cost: amount, receipts, how it is split over activities and bearers, and the review buttons for ops. */
export function CostCard({ cost, busy, onReview }: { cost: CostView; busy: boolean; onReview: (decision: 'approve' | 'reject', note: string) => void }) {
  const [rejecting, setRejecting] = useState(false)
  const [note, setNote] = useState('')
  const urls = cost.receipts.map((r) => r.url).filter((u): u is string => !!u)
  return (
    <View className='card ev-cost' data-testid='cost-card' data-cost-id={cost.costId}>
      <View className='ev-cost__head'>
        <Text className='ev-cost__title'>{`${COST_ITEM_LABELS[cost.item]} · ${cost.title}`}</Text>
        <Text className='ev-cost__amount'>{yuan(cost.amountFen)}</Text>
      </View>
      <Text className='ev-cost__line'>{`活动：${cost.activities.map((a) => (cost.activities.length > 1 ? `${a.title} ${yuan(a.fen)}` : a.title)).join('；')}`}</Text>
      {cost.activities.length > 1 && <Text className='ev-cost__line'>{`分摊规则：${cost.activityRule === 'gmv' ? '按活动 GMV 占比' : '平均分摊'}（最大余数法，合计等于总额）`}</Text>}
      <Text className='ev-cost__line'>{`承担：${cost.bearers.map((b) => `${b.party.name}（${PARTY_KIND_LABELS[b.party.kind]}）${cost.bearers.length > 1 ? ` ${yuan(b.fen)}` : ''}`).join('；')}`}</Text>
      {cost.note ? <Text className='ev-cost__line'>{`备注：${cost.note}`}</Text> : null}
      {urls.length > 0 && (
        <View className='ev-receipts'>
          {urls.map((u) => (
            <Image key={u} className='ev-receipt' src={u} mode='aspectFill' onClick={() => void Taro.previewImage({ urls, current: u })} />
          ))}
        </View>
      )}
      <Text className='ev-cost__line'>
        <Text className={`ev-cost__status ev-cost__status--${cost.status}`}>{STATUS[cost.status]}</Text>
        {` · ${cost.submittedBy} ${shortTime(cost.submittedAt)} 提交`}
        {cost.reviewedBy && cost.reviewedAt ? ` · ${cost.reviewedBy} ${shortTime(cost.reviewedAt)} 审核` : ''}
        {cost.reviewNote ? ` · ${cost.reviewNote}` : ''}
      </Text>
      {cost.mineToReview && !rejecting && (
        <View className='ev-cost__actions'>
          <Button size='small' type='default' disabled={busy} onClick={() => setRejecting(true)} data-testid='cost-reject'>
            驳回
          </Button>
          <Button size='small' type='primary' disabled={busy} onClick={() => onReview('approve', '')} data-testid='cost-approve'>
            核销通过
          </Button>
        </View>
      )}
      {rejecting && (
        <View className='ev-field'>
          <Input className='ev-field__input' value={note} maxlength={200} placeholder='驳回原因（必填）' onInput={(e) => setNote(e.detail.value)} />
          <View className='ev-cost__actions'>
            <Button size='small' type='default' onClick={() => setRejecting(false)}>
              取消
            </Button>
            <Button size='small' type='danger' disabled={busy || !note.trim()} onClick={() => onReview('reject', note.trim())}>
              确认驳回
            </Button>
          </View>
        </View>
      )}
    </View>
  )
}
