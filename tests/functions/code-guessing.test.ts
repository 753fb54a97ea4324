import { createTestWorld, rid, type TestWorld } from '../support/test-platform'

/** Invite, merchant and pickup codes are bearer credentials: typing wrong ones is limited per identity. */
describe('guessing codes is rate-limited per identity; right codes never count', () => {
  let world: TestWorld
  beforeEach(async () => {
    world = await createTestWorld({ seed: true })
  })
  afterEach(() => world.close())

  const wrongInvite = (i: number) => `WRNG${String(i).padStart(4, '2').replace(/[01]/g, '9')}`
  const inviteInfo = (openid: string, code: string) => world.call('households', openid, { action: 'inviteInfo', code })

  it('invite codes: 10 wrong codes in 10 minutes, then RATE_LIMITED (even for a right code) until the window passes; others unaffected', async () => {
    const created = await world.call('households', 'demo-owner', { action: 'createInvite', householdId: 'h-1-1-101', role: 'family', requestId: rid('inv') })
    if (!created.ok) throw new Error(created.code)
    const good = created.data.code as string
    // Right codes do not count, however often they are looked at.
    for (let i = 0; i < 15; i++) expect(await inviteInfo('demo-visitor', good)).toMatchObject({ ok: true })
    for (let i = 0; i < 10; i++) expect(await inviteInfo('demo-visitor', wrongInvite(i))).toMatchObject({ ok: false, code: 'INVITE.NOT_FOUND' })
    const limited = await inviteInfo('demo-visitor', wrongInvite(11))
    expect(limited).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
    if (!limited.ok) expect(limited.message).toMatch(/请 \d+ 分钟后再试/)
    expect(await inviteInfo('demo-visitor', good)).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
    expect(await world.call('households', 'demo-visitor', { action: 'acceptInvite', code: good, requestId: rid('acc') })).toMatchObject({ ok: false, code: 'RATE_LIMITED' })
    // Another identity is not held back by this one.
    expect(await inviteInfo('demo-unbound', good)).toMatchObject({ ok: true })
    world.clock.advance(11 * 60_000)
    expect(await world.call('households', 'demo-visitor', { action: 'acceptInvite', code: good, requestId: rid('acc') })).toMatchObject({ ok: true })
  })

  it('invite codes: a daily cap of 30 wrong codes stops slow scanning across windows', async () => {
    for (let w = 0; w < 3; w++) {
      for (let i = 0; i < 10; i++) expect(await inviteInfo('demo-visitor', wrongInvite(w * 10 + i))).toMatchObject({ code: 'INVITE.NOT_FOUND' })
      world.clock.advance(10 * 60_000)
    }
    expect(await inviteInfo('demo-visitor', wrongInvite(99))).toMatchObject({ code: 'RATE_LIMITED' })
  })

  it('holds under parallel guessing: 30 simultaneous wrong codes get exactly 10 answers', async () => {
    const replies = await Promise.all(Array.from({ length: 30 }, (_, i) => inviteInfo('demo-visitor', wrongInvite(i))))
    const codes = replies.map((r) => (r.ok ? 'ok' : r.code))
    expect(codes.filter((c) => c === 'INVITE.NOT_FOUND')).toHaveLength(10)
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(20)
  })

  it('merchant codes: 10 wrong claims, then RATE_LIMITED', async () => {
    for (let i = 0; i < 10; i++) {
      expect(await world.call('groups', 'demo-visitor', { action: 'claimMerchant', code: wrongInvite(i), requestId: rid('m') })).toMatchObject({ code: 'GROUP.INVITE_INVALID' })
    }
    expect(await world.call('groups', 'demo-visitor', { action: 'claimMerchant', code: wrongInvite(50), requestId: rid('m') })).toMatchObject({ code: 'RATE_LIMITED' })
  })

  it('pickup codes: a steward gets 20 wrong codes in 10 minutes, then RATE_LIMITED; another steward is unaffected', async () => {
    const redeem = (openid: string, i: number) => world.call('groupbuy', openid, { action: 'redeemPickup', code: String(10_000_000 + i), requestId: rid('p') })
    for (let i = 0; i < 20; i++) expect(await redeem('demo-steward', i)).toMatchObject({ code: 'GROUPBUY.PICKUP_CODE_INVALID' })
    expect(await redeem('demo-steward', 21)).toMatchObject({ code: 'RATE_LIMITED' })
    expect(await redeem('demo-steward-2', 22)).toMatchObject({ code: 'GROUPBUY.PICKUP_CODE_INVALID' })
  })
})
