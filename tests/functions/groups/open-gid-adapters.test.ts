import { createCloudbaseOpenGidResolver, GET_OPEN_DATA_API, parseOpenGid } from '../../../cloudfunctions/platform/cloudbase/open-gid.cloudbase'
import { createLocalOpenGidResolver, fakeOpenGid, localCloudIdFor } from '../../../cloudfunctions/platform/local/open-gid.local'
import { silentLogger } from '../../../cloudfunctions/runtime/console-logger'

describe('openGId resolvers', () => {
  it('production: asks WeChat to decrypt the cloudID and reads the openGId from either answer shape', async () => {
    const calls: unknown[] = []
    const json = JSON.stringify({ cloudID: 'c1', data: { openGId: 'tGabcdefghijklmnopqrstuvwxyz', watermark: { appid: 'wx1', timestamp: 1 } } })
    const app = {
      callWxOpenApi: async (o: unknown) => {
        calls.push(o)
        return { result: { errcode: 0, errmsg: 'ok', data_list: [{ cloud_id: 'c1', json }] } }
      },
    }
    const resolver = createCloudbaseOpenGidResolver(app, silentLogger)
    expect(await resolver.resolve('c1', 'someone')).toBe('tGabcdefghijklmnopqrstuvwxyz')
    expect(calls).toEqual([{ apiName: GET_OPEN_DATA_API, requestData: { cloudid_list: ['c1'] } }])
    expect(parseOpenGid({ dataList: [{ json: { data: { opengid: 'tG12345678' } } }] })).toBe('tG12345678')
  })

  it('production: a cloudID WeChat will not vouch for resolves to null; a transport failure throws', async () => {
    const refused = createCloudbaseOpenGidResolver({ callWxOpenApi: async () => ({ result: { errcode: 40001, errmsg: 'invalid' } }) }, silentLogger)
    expect(await refused.resolve('bad', 'x')).toBeNull()
    const broken = createCloudbaseOpenGidResolver({ callWxOpenApi: async () => ({ code: 'PERMISSION_DENIED', message: 'no' }) }, silentLogger)
    await expect(broken.resolve('c1', 'x')).rejects.toThrow('PERMISSION_DENIED')
    expect(parseOpenGid({ data_list: [{ json: '{"data":{"openGId":"<script>"}}' }] })).toBeNull()
  })

  it('local: the same chat always gives the same fake openGId, another chat another one', async () => {
    const resolver = createLocalOpenGidResolver()
    const a = await resolver.resolve(localCloudIdFor('1栋业主群'), 'x')
    expect(a).toBe(fakeOpenGid('1栋业主群'))
    expect(await resolver.resolve(localCloudIdFor('1栋业主群'), 'y')).toBe(a)
    expect(await resolver.resolve(localCloudIdFor('2栋业主群'), 'x')).not.toBe(a)
    expect(await resolver.resolve('forged', 'x')).toBeNull()
  })
})
