import { CAMPAIGN_TEMPLATES } from '../../../cloudfunctions/core/groupbuy/campaign-templates'
import { createCampaignInput } from '../../../cloudfunctions/contracts/ops-groupbuy.schemas'
import { openPollInput } from '../../../cloudfunctions/contracts/groupbuy-poll.schemas'
import { beijingInstant, draftFrom, fenOf, toCreateInput } from '../../../src/packages/groupbuy/components/manage/campaign-draft'
import { emptyPollDraft, toOpenPollInput } from '../../../src/packages/groupbuy/components/manage/poll-draft'

/** The staff forms' one conversion to the contracts: yuan text → fen, Beijing wall clock → UTC, checks in words. */
describe('group-buy staff forms', () => {
  // 2026-12-03 06:00 UTC = 14:00 in Beijing
  const now = new Date('2026-12-03T06:00:00Z')

  it('reads yuan as integer fen and refuses anything else', () => {
    expect([fenOf('39.9'), fenOf('39.90'), fenOf('39'), fenOf('0.01'), fenOf(' 168 ')]).toEqual([3990, 3990, 3900, 1, 16800])
    expect([fenOf(''), fenOf('39.999'), fenOf('-1'), fenOf('1e3'), fenOf('３９')]).toEqual([null, null, null, null, null])
  })

  it('takes picked times as Beijing wall clock whatever the zone', () => {
    expect(beijingInstant('2026-12-06', '20:00').toISOString()).toBe('2026-12-06T12:00:00.000Z')
    expect(beijingInstant('2026-12-07', '00:30').toISOString()).toBe('2026-12-06T16:30:00.000Z')
  })

  it('every template becomes a valid createCampaign input (deadline 20:00 in three days, pickup next day 09:00–19:00)', () => {
    for (const t of CAMPAIGN_TEMPLATES) {
      const built = toCreateInput(draftFrom(t, now), 'c-sunshine', { cover: null, skus: t.skus.map(() => 'cloud://x.y/groupbuy/202612/a.jpg') }, now)
      if (!('input' in built)) throw new Error(`${t.key}: ${built.problem}`)
      expect(createCampaignInput.safeParse(built.input).success).toBe(true)
      expect(built.input).toMatchObject({ deadline: '2026-12-06T12:00:00.000Z', pickup: { startsAt: '2026-12-07T01:00:00.000Z', endsAt: '2026-12-07T11:00:00.000Z' } })
      expect(built.input.skus.every((s) => s.image === 'cloud://x.y/groupbuy/202612/a.jpg')).toBe(true)
    }
  })

  it('says what to fix, in words, before anything is uploaded or sent', () => {
    const base = draftFrom(CAMPAIGN_TEMPLATES[0], now)
    const problem = (d: typeof base) => {
      const r = toCreateInput(d, 'c', { cover: null, skus: [] }, now)
      return 'problem' in r ? r.problem : null
    }
    expect(problem({ ...base, title: ' ' })).toBe('请填写活动标题')
    expect(problem({ ...base, deadline: { date: '2026-12-03', time: '13:00' } })).toBe('截止时间须晚于现在')
    expect(problem({ ...base, pickupDate: '2026-12-05' })).toBe('自提开始时间不能早于截止时间')
    expect(problem({ ...base, pickupFrom: '19:00', pickupTo: '09:00' })).toBe('自提结束时间须晚于开始时间')
    expect(problem({ ...base, skus: [{ ...base.skus[0], price: '39.999' }] })).toMatch(/团购价格式不对/)
    expect(problem({ ...base, skus: [{ ...base.skus[0], originalPrice: '10' }] })).toMatch(/划线价须高于团购价/)
    expect(problem({ ...base, skus: [{ ...base.skus[0], limit: '0' }] })).toMatch(/每户限购/)
  })

  it('a poll draft becomes a valid openPoll input; pickup must come after the pay window', () => {
    const d = { ...emptyPollDraft(now), title: '阳澄湖大闸蟹', targetPrice: '168' }
    const built = toOpenPollInput(d, 'c-sunshine', null, now)
    if (!('input' in built)) throw new Error(built.problem)
    expect(openPollInput.safeParse(built.input).success).toBe(true)
    expect(built.input).toMatchObject({ targetPriceFen: 16800, targetHouseholds: 20, payWindowHours: 24 })
    expect(toOpenPollInput({ ...d, pickupDate: '2026-12-07', pickupFrom: '09:00' }, 'c', null, now)).toEqual({ problem: '自提须在付款期结束之后（截止后 24 小时）' })
  })
})
