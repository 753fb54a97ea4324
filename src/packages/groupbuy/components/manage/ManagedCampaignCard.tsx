import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { ManagedCampaign } from '@contracts/groupbuy.contract'
import { dateTime } from '@/services/format'
import { detailUrl } from '../labels'
import { ChangeLog } from './ChangeLog'

const DAY = 86_400_000
const STATUS: Record<ManagedCampaign['status'], string> = { draft: '未发布', open: '进行中', closing: '结算中', closed: '已结束' }
export type CampaignChangeRequest = { kind: 'extend'; days: number; reason: string } | { kind: 'close'; reason: string }

/**
 * One campaign on 团购管理: progress, deadline, pickup point; 延长 (1 / 3 / 7 天) or 提前截止, each only with a
 * reason, which is recorded with who and when; 变更记录 shows that log.
 */
export function ManagedCampaignCard({ c, onChange, busy }: { c: ManagedCampaign; onChange: (req: CampaignChangeRequest) => Promise<boolean>; busy: boolean }) {
  const [mode, setMode] = useState<'extend' | 'close' | null>(null)
  const [days, setDays] = useState(3)
  const [reason, setReason] = useState('')
  const [showLog, setShowLog] = useState(false)
  const [version, setVersion] = useState(0)
  const submit = async () => {
    if (!mode) return
    const ok = await onChange(mode === 'extend' ? { kind: 'extend', days, reason: reason.trim() } : { kind: 'close', reason: reason.trim() })
    if (!ok) return
    setMode(null)
    setReason('')
    setVersion((v) => v + 1)
    setShowLog(true)
  }
  const label = c.outcome === 'formed' ? '已成团' : c.outcome === 'failed' ? '未成团' : STATUS[c.status]
  return (
    <View className='card gb-order__meta' data-testid='managed-campaign'>
      <View className='gb-confirm__row'>
        <Text className='gb-sku__title' onClick={() => void Taro.navigateTo({ url: detailUrl(c.campaignId) })}>
          {c.title}
        </Text>
        <Text className='gb-tag'>{label}</Text>
      </View>
      <Text className='gbm-meta'>
        {c.participants}/{c.minParticipants} 户 · 已团 {c.soldUnits} 件 · {c.pickupPoint}
      </Text>
      <Text className='gbm-meta' data-testid='managed-deadline'>
        截止 {dateTime(c.deadline)}
      </Text>
      {mode === null ? (
        <View className='gbm-actions'>
          {c.changeable && (
            <>
              <Button size='small' onClick={() => setMode('extend')} data-testid='extend'>
                延长截止
              </Button>
              <Button size='small' type='danger' fill='outline' onClick={() => setMode('close')} data-testid='close-early'>
                提前截止
              </Button>
            </>
          )}
          <Button size='small' fill='none' onClick={() => setShowLog((s) => !s)} data-testid='show-log'>
            {showLog ? '收起记录' : '变更记录'}
          </Button>
        </View>
      ) : (
        <View className='gb-confirm__form'>
          {mode === 'extend' ? (
            <View className='gbm-days'>
              {[1, 3, 7].map((d) => (
                <Text key={d} className={`gbf-chip ${days === d ? 'gbf-chip--on' : ''}`} onClick={() => setDays(d)} data-testid={`extend-${d}`}>
                  延长 {d} 天
                </Text>
              ))}
            </View>
          ) : (
            <Text className='gbm-meta'>截止后按参团户数自动成团或全额退款</Text>
          )}
          {mode === 'extend' && <Text className='gbm-meta'>新截止 {dateTime(new Date(Date.parse(c.deadline) + days * DAY).toISOString())}，自提时间随之顺延</Text>}
          <Input className='gb-confirm__input' placeholder={mode === 'extend' ? '延长原因（将被记录）' : '截止原因（将被记录）'} value={reason} onInput={(e) => setReason(e.detail.value)} data-testid='change-reason' />
          <View className='gbm-actions'>
            <Button size='small' onClick={() => setMode(null)}>
              取消
            </Button>
            <Button size='small' type='primary' loading={busy} disabled={reason.trim().length < 2} onClick={() => void submit()} data-testid='confirm-change'>
              确认{mode === 'extend' ? '延长' : '截止'}
            </Button>
          </View>
        </View>
      )}
      {showLog && <ChangeLog campaignId={c.campaignId} version={version} />}
    </View>
  )
}
