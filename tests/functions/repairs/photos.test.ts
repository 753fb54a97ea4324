import { dumpDatabase, type TestWorld } from '../../support/test-platform'
import { JPEG, act, HOUSEHOLD, OWNER, TECH, repairsWorld, ticketIn, uploadPhoto } from './repairs-world'

const create = (world: TestWorld, photos: string[]) =>
  act(world, OWNER, 'create', { place: { kind: 'household', householdId: HOUSEHOLD }, category: 'door_window', description: '阳台推拉门关不严，漏风', photos })

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 1)])

describe('repair photos (Storage port + file rules)', () => {
  let world: TestWorld
  beforeAll(async () => {
    world = await repairsWorld()
  })
  afterAll(() => world.close())

  it('accepts up to 9 images and shows them through temporary URLs', async () => {
    const photos = await Promise.all(Array.from({ length: 9 }, (_, i) => uploadPhoto(world, i % 2 ? PNG : JPEG)))
    const res = await create(world, photos)
    expect(res.ok).toBe(true)
    const detail = await world.call('repairs', OWNER, { action: 'detail', ticketId: res.ok && res.data.ticketId })
    expect(detail.ok && detail.data.photos.map((p: { fileId: string }) => p.fileId)).toEqual(photos)
    for (const p of detail.ok ? detail.data.photos : []) expect(p.url).toMatch(/^\/storage\/repairs\/test\/.+\?expires=\d+&sign=[\w-]+$/)
  })

  it.each([
    ['a text file named .jpg', 'FILE.TYPE_NOT_ALLOWED', async (w: TestWorld) => uploadPhoto(w, Buffer.from('这不是图片，只是文字'.repeat(20)))],
    ['a PDF', 'FILE.TYPE_NOT_ALLOWED', async (w: TestWorld) => uploadPhoto(w, Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'))],
    ['an image over 5 MB', 'FILE.TOO_LARGE', async (w: TestWorld) => uploadPhoto(w, Buffer.concat([JPEG, Buffer.alloc(5 * 1024 * 1024)]))],
    ['a file that was never uploaded', 'FILE.NOT_FOUND', async () => 'cloud://local-env.local-bucket/repairs/test/missing.jpg'],
    ['a file outside repairs/', 'FILE.NOT_FOUND', async (w: TestWorld) => uploadPhoto(w, JPEG, 'invoices/2026')],
    ['a path that climbs out of its folder', 'FILE.NOT_FOUND', async () => 'cloud://local-env.local-bucket/repairs/../invoices/a.jpg'],
  ] as const)('refuses %s with %s and writes nothing', async (_name, code, make) => {
    const good = await uploadPhoto(world)
    const bad = await make(world)
    const before = dumpDatabase(world.platform)
    const res = await create(world, [good, bad])
    expect(res).toMatchObject({ ok: false, code })
    expect(dumpDatabase(world.platform)).toEqual(before)
  })

  it('refuses a 10th photo at validation', async () => {
    const photos = await Promise.all(Array.from({ length: 10 }, () => uploadPhoto(world)))
    const before = dumpDatabase(world.platform)
    const res = await create(world, photos)
    expect(res).toMatchObject({ ok: false, code: 'VALIDATION.FAILED', issues: [{ path: 'photos', message: '最多上传 9 张照片' }] })
    expect(dumpDatabase(world.platform)).toEqual(before)
  })

  it('checks completion photos the same way', async () => {
    const id = await ticketIn(world, 'in_progress')
    const text = await uploadPhoto(world, Buffer.from('plain text, not a photo'))
    expect(await act(world, TECH, 'complete', { ticketId: id, note: '已修好', photos: [text] })).toMatchObject({ ok: false, code: 'FILE.TYPE_NOT_ALLOWED' })
    const photo = await uploadPhoto(world)
    expect(await act(world, TECH, 'complete', { ticketId: id, note: '已修好', photos: [photo] })).toMatchObject({ ok: true, data: { status: 'completed' } })
    const detail = await world.call('repairs', OWNER, { action: 'detail', ticketId: id })
    expect(detail.ok && detail.data.completionPhotos).toEqual([{ fileId: photo, url: expect.stringContaining('/storage/repairs/test/') }])
  })
})
