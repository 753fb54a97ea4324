import { View, Text } from '@tarojs/components'
import { REPAIR_CATEGORY_LABELS, type TicketDetail } from '@contracts/repairs.contract'
import { StatusTag } from './TicketList'
import { PhotoGrid } from './PhotoGrid'
import { StarRow } from './StarRow'
import { photoSrc, shortTime, windowText } from './labels'

/** What the ticket is about, who has it and when they come; the completion and the rating once there. */
export function TicketHead({ t }: { t: TicketDetail }) {
  return (
    <>
      <View className='card detail-head'>
        <View className='detail-head__row'>
          <Text className='detail-head__category'>{REPAIR_CATEGORY_LABELS[t.category]}</Text>
          <StatusTag status={t.status} overdue={t.overdue} />
        </View>
        <Text className='detail-head__place'>{t.placeLabel}</Text>
        <Text className='detail-head__desc'>{t.description}</Text>
        {t.photos.length > 0 && <PhotoGrid urls={t.photos.map(photoSrc)} />}
        <Text className='detail-head__line'>提交时间：{shortTime(t.createdAt)}</Text>
        <Text className='detail-head__line detail-head__assignee'>维修师傅：{t.assigneeName ?? '待派单'}</Text>
        {t.preferredWindow && <Text className='detail-head__line'>期望上门：{windowText(t.preferredWindow)}</Text>}
        {t.promisedWindow && <Text className='detail-head__line detail-head__promised'>约定上门：{windowText(t.promisedWindow)}</Text>}
      </View>
      {t.completionNote && (
        <View className='card completion'>
          <Text className='form-block__label'>维修结果</Text>
          <Text className='completion__note'>{t.completionNote}</Text>
          {t.completionPhotos.length > 0 && <PhotoGrid urls={t.completionPhotos.map(photoSrc)} />}
        </View>
      )}
      {t.rating && (
        <View className='card rating-view'>
          <Text className='form-block__label'>我的评价</Text>
          <StarRow label='上门及时' value={t.rating.arrival} />
          <StarRow label='服务态度' value={t.rating.attitude} />
          <StarRow label='维修过程' value={t.rating.process} />
          <StarRow label='文明礼仪' value={t.rating.etiquette} />
          {t.rating.comment && <Text className='rating-view__comment'>{t.rating.comment}</Text>}
        </View>
      )}
    </>
  )
}
