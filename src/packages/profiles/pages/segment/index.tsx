import { useMemo, useState } from 'react'
import { View, Text, Input, Textarea } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { profilesContract } from '@contracts/profiles.contract'
import type { ActionOutput } from '@contracts/envelope'
import { callFn } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { useMutation } from '@/hooks/use-fn-mutation'
import { PageState } from '@/components/PageState'
import { toastError } from '@/services/toast'
import { RecentPushes } from '../../components/RecentPushes'
import { segmentName } from '../../components/segment-label'
import '../../components/profiles.scss'

type Preview = ActionOutput<typeof profilesContract, 'previewSegment'>
type PushResult = ActionOutput<typeof profilesContract, 'push'>
const DAYS = [7, 30, 90]

function Chip({ on, label, onTap, testId }: { on: boolean; label: string; onTap: () => void; testId?: string }) {
  return (
    <Text className={`pf-chip${on ? ' pf-chip--on' : ''}`} onClick={onTap} data-testid={testId}>
      {label}
    </Text>
  )
}

/**
 * 精准推送 (ops: the whole community; a steward: their grid): pick buildings, "bought … within N days",
 * interest and tags; preview the size and a masked list; write the message and push it. The result says
 * who was skipped (opted out, weekly cap) and which chat groups to post the card in; below, every recent
 * push with its opens and orders.
 */
export default function SegmentPage() {
  const catalog = useFnQuery(profilesContract, 'catalog', {})
  const c = catalog.data
  const [buildings, setBuildings] = useState<string[]>([])
  const [bought, setBought] = useState<string | null>(null)
  const [days, setDays] = useState(30)
  const [interest, setInterest] = useState<string | null>(null)
  const [tagIds, setTagIds] = useState<string[]>([])
  const [preview, setPreview] = useState<Preview>()
  const [previewing, setPreviewing] = useState(false)
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [result, setResult] = useState<PushResult>()
  const [version, setVersion] = useState(0)
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id])

  const criteria = useMemo(
    () => ({
      buildingIds: buildings,
      purchased: bought ? { category: bought as never, withinDays: days } : null,
      interest: interest ? { category: interest as never, minScore: 1 } : null,
      tagIds,
    }),
    [buildings, bought, days, interest, tagIds],
  )
  const name = segmentName({
    buildings: (c?.buildings ?? []).filter((b) => buildings.includes(b.buildingId)).map((b) => b.name),
    purchased: bought ? { category: bought, withinDays: days } : null,
    interest: interest ? { category: interest } : null,
    tags: (c?.tags ?? []).filter((t) => tagIds.includes(t.tagId)).map((t) => t.label),
  })
  const changed = () => {
    setPreview(undefined)
    setResult(undefined)
  }

  const runPreview = async () => {
    if (!c) return
    setPreviewing(true)
    try {
      setPreview(await callFn(profilesContract, 'previewSegment', { communityId: c.communityId, criteria }))
    } catch (e) {
      toastError(e, '预览失败')
    } finally {
      setPreviewing(false)
    }
  }

  // One tap: save the segment, then push to it. A lost reply is retried under the same ids (useMutation).
  const push = useMutation(async (_: null, requestId: string) => {
    const seg = await callFn(profilesContract, 'saveSegment', { communityId: c!.communityId, name: name.length >= 2 ? name : '自定义人群', criteria }, { requestId: `${requestId}s` })
    return callFn(profilesContract, 'push', { segmentId: seg.segmentId, title: title.trim(), body: body.trim() }, { requestId })
  })
  const doPush = async () => {
    const r = await push.run(null)
    if (r) {
      setResult(r)
      setVersion((v) => v + 1)
    }
  }

  return (
    <View className='profiles-page' data-testid='segment-page'>
      <PageState loading={catalog.loading} error={catalog.error} hasData={!!c} onRetry={() => void catalog.reload()}>
        {c && (
          <>
            <Text className='section-title'>{c.role === 'ops' ? '楼栋（不选 = 全小区）' : '楼栋（不选 = 我的网格）'}</Text>
            <View className='pf-chips'>
              {c.buildings.map((b) => (
                <Chip key={b.buildingId} on={buildings.includes(b.buildingId)} label={b.name} testId={`building-${b.name}`} onTap={() => (setBuildings(toggle(buildings, b.buildingId)), changed())} />
              ))}
            </View>
            <Text className='section-title'>近期买过</Text>
            <View className='pf-chips'>
              {c.categories.map((k) => (
                <Chip key={k} on={bought === k} label={k} testId={`bought-${k}`} onTap={() => (setBought(bought === k ? null : k), changed())} />
              ))}
            </View>
            {bought && (
              <View className='pf-chips' style={{ marginTop: '8px' }}>
                {DAYS.map((d) => (
                  <Chip key={d} on={days === d} label={`近${d}天`} testId={`days-${d}`} onTap={() => (setDays(d), changed())} />
                ))}
              </View>
            )}
            <Text className='section-title'>兴趣预测（兴趣分 ≥ 1）</Text>
            <View className='pf-chips'>
              {c.categories.map((k) => (
                <Chip key={k} on={interest === k} label={k} onTap={() => (setInterest(interest === k ? null : k), changed())} />
              ))}
            </View>
            <Text className='section-title'>标签</Text>
            <View className='pf-chips'>
              {c.tags.map((t) => (
                <Chip key={t.tagId} on={tagIds.includes(t.tagId)} label={t.label} onTap={() => (setTagIds(toggle(tagIds, t.tagId)), changed())} />
              ))}
            </View>
            <Text className='pf-hint' style={{ marginTop: '8px' }}>
              标签和兴趣分只有物业和管家可见，住户看不到；预览只显示楼栋、单元和房号首位。
            </Text>

            <View className='card'>
              <Text className='pf-title'>{name}</Text>
              {preview ? (
                <>
                  <View className='pf-size' data-testid='segment-size'>
                    <Text className='pf-size__n'>{preview.size}</Text>
                    <Text className='pf-size__unit'>户符合条件</Text>
                  </View>
                  {preview.preview.map((p, i) => (
                    <View key={`${p.label}-${i}`} className='pf-row' data-testid='preview-row'>
                      <Text>{p.label}</Text>
                      <Text className='pf-row__muted'>{p.owner}</Text>
                    </View>
                  ))}
                  {preview.size > preview.preview.length && <Text className='pf-sub'>仅显示前 {preview.preview.length} 户</Text>}
                </>
              ) : (
                <Text className='pf-sub'>选好条件后点“预览人群”，看看有多少户</Text>
              )}
            </View>
            <View className='pf-actions'>
              <Button type='default' loading={previewing} onClick={() => void runPreview()} data-testid='preview-button'>
                预览人群
              </Button>
            </View>

            {preview && preview.size > 0 && (
              <>
                <Text className='section-title'>推送内容</Text>
                <View className='pf-field'>
                  <Text className='pf-field__label'>标题</Text>
                  <Input className='pf-field__input' placeholder='如：赣南脐橙到货' maxlength={20} value={title} onInput={(e) => setTitle(e.detail.value)} data-testid='push-title' />
                </View>
                <Textarea className='pf-textarea' placeholder='写给住户的话，200 字以内' maxlength={200} value={body} onInput={(e) => setBody(e.detail.value)} data-testid='push-body' />
                <Text className='pf-hint'>每人每周最多收到 2 条推送；已在“我的 → 推送设置”关闭推送的住户不会收到。</Text>
                <View className='pf-actions'>
                  <Button type='primary' loading={push.busy} disabled={title.trim().length < 2 || body.trim().length < 2} onClick={() => void doPush()} data-testid='push-button'>
                    推送给 {preview.size} 户
                  </Button>
                </View>
              </>
            )}

            {result && (
              <View className='card' data-testid='push-result'>
                <Text className='pf-title'>已推送给 {result.recipients} 人</Text>
                <Text className='pf-sub'>
                  覆盖 {result.households} 户 · 已退订 {result.skippedOptOut} 人 · 本周已达上限 {result.skippedRateLimit} 人
                </Text>
                {result.groups.length > 0 ? (
                  <>
                    <Text className='pf-sub'>再把卡片转发到这些群：</Text>
                    {result.groups.map((g) => (
                      <View key={g.groupId} className='pf-row'>
                        <Text>{g.name}</Text>
                        <Text className='pf-row__muted'>{g.members} 人在群</Text>
                      </View>
                    ))}
                  </>
                ) : (
                  <Text className='pf-sub'>这些住户还没有加入社群</Text>
                )}
              </View>
            )}

            <Text className='section-title'>推送效果</Text>
            <RecentPushes communityId={c.communityId} version={version} />
          </>
        )}
      </PageState>
    </View>
  )
}
