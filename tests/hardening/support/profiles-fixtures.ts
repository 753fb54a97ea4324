import type { TestWorld } from '../../support/test-platform'
import { rid } from '../../support/test-platform'
import { COMMUNITY, fixtureOk } from './hardening-fixtures'

/**
 * A segment the steward built ("近30天买过生鲜的 1–3 栋", which holds the demo owner's home) and a push to it,
 * so the owner's household (owner, family, tenant) has a delivery to open.
 */
export async function profilesFixtures(world: TestWorld): Promise<{ segmentId: string; pushId: string }> {
  const seg = await fixtureOk(
    world.call('profiles', 'demo-steward', { action: 'saveSegment', requestId: rid('seg'), communityId: COMMUNITY, name: '1–3栋生鲜', criteria: { purchased: { category: '生鲜', withinDays: 30 } } }),
    'segment',
  )
  const push = await fixtureOk(world.call('profiles', 'demo-steward', { action: 'push', requestId: rid('push'), segmentId: seg.segmentId, title: '脐橙到货', body: '今晚截单' }), 'push')
  return { segmentId: seg.segmentId, pushId: push.pushId }
}
