import type { Db } from '@cloudbase/database'
import { must } from '../kernel/db-result'
import { TAG_COLLECTIONS, type TagDoc } from './tag.model'

/**
 * The tag families, by business scenario (the founding notes' scenarios, not a "360° profile"): what a
 * steward or ops person can act on. Ops add tags to any family per community (profiles.defineTag).
 */
export const TAG_FAMILIES = ['生鲜', '母婴', '宠物', '家政', '家电', '维修频次', '缴费习惯', '社群活跃', '活动参与', '居住属性', '消费偏好'] as const

const SEEDED_AT = new Date('2026-12-01T00:00:00Z')
const seed = (id: string, family: string, label: string, rule: TagDoc['rule']): TagDoc => ({ _id: id, communityId: null, family, label, rule, createdBy: 'system', createdAt: SEEDED_AT })

/** Tags every community has from the start; rule tags are kept up to date from behaviour (tag-rules.ts). */
export const SEEDED_TAGS: readonly TagDoc[] = [
  seed('fresh-buyer-30d', '生鲜', '近30天买过生鲜', { type: 'recent', kind: 'purchase', category: '生鲜', withinDays: 30, atLeast: 1 }),
  seed('fresh-interest', '生鲜', '生鲜兴趣高', { type: 'interest', category: '生鲜', minScore: 2 }),
  seed('baby-interest', '母婴', '母婴兴趣', { type: 'interest', category: '母婴', minScore: 1 }),
  seed('pet-interest', '宠物', '养宠家庭', { type: 'interest', category: '宠物', minScore: 1 }),
  seed('housekeeping-interest', '家政', '家政需求', { type: 'interest', category: '家政', minScore: 0.8 }),
  seed('appliance-interest', '家电', '家电换新意向', { type: 'interest', category: '家电', minScore: 0.8 }),
  // Facts reported by the repairs, fees and groups areas (household-facts.service.ts); thresholds in docs/profiles.md.
  seed('repair-frequent', '维修频次', '报修较多', { type: 'recent', kind: 'repair_filed', category: null, withinDays: 180, atLeast: 3 }),
  seed('fee-on-time', '缴费习惯', '按时缴费', { type: 'recent', kind: 'bill_paid_on_time', category: null, withinDays: 365, atLeast: 3, unless: { kind: 'bill_paid_late', category: null, atLeast: 1 } }),
  seed('fee-late', '缴费习惯', '常需催缴', { type: 'recent', kind: 'bill_paid_late', category: null, withinDays: 365, atLeast: 2 }),
  seed('group-active', '社群活跃', '群内活跃', { type: 'recent', kind: 'group_activity', category: null, withinDays: 30, atLeast: 3 }),
  seed('event-goer-90d', '活动参与', '近90天参加过活动', { type: 'recent', kind: 'event_attendance', category: null, withinDays: 90, atLeast: 1 }),
  seed('has-elderly', '居住属性', '家有老人', null),
  seed('has-children', '居住属性', '家有小孩', null),
  seed('bulk-buyer', '消费偏好', '常买整箱', null),
]

/** Seeded tags plus the community's own, seeded first. */
export async function tagsOf(db: Db, communityId: string): Promise<TagDoc[]> {
  const own = must(await db.collection(TAG_COLLECTIONS.tags).where({ communityId }).limit(1000).get()).data as TagDoc[]
  return [...SEEDED_TAGS, ...own]
}
