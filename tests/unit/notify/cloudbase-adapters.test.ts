import { createCloudbaseNotifier, SUBSCRIBE_SEND_API, type WxOpenApiCaller } from '../../../cloudfunctions/platform/cloudbase/notifier.cloudbase'
import { createCloudbaseStorage, type CloudbaseStorageApi } from '../../../cloudfunctions/platform/cloudbase/storage.cloudbase'

const msg = { toOpenid: 'o-abc', template: 'repair_status', page: 'packages/repairs/pages/detail/index?id=1', data: { thing1: '水管', phrase2: '已派单' }, dedupeKey: 'k' }

describe('CloudBase notifier (subscribeMessage.send via callWxOpenApi)', () => {
  function fakeApp(result: { result?: unknown; code?: string; message?: string }) {
    const calls: { apiName: string; requestData: any }[] = []
    const app: WxOpenApiCaller = {
      callWxOpenApi: async (o) => {
        calls.push(o as { apiName: string; requestData: any })
        return result
      },
    }
    return { app, calls }
  }

  it('sends the template configured for the logical name, in WeChat’s { key: { value } } shape', async () => {
    const { app, calls } = fakeApp({ result: { errcode: 0, errmsg: 'ok' } })
    const n = createCloudbaseNotifier(app, { WX_TPL_REPAIR_STATUS: 'tpl-123', WX_MINIPROGRAM_STATE: 'trial' })
    expect(await n.send(msg)).toEqual({ status: 'sent' })
    expect(calls).toEqual([
      {
        apiName: SUBSCRIBE_SEND_API,
        requestData: {
          touser: 'o-abc',
          template_id: 'tpl-123',
          page: msg.page,
          data: { thing1: { value: '水管' }, phrase2: { value: '已派单' } },
          miniprogram_state: 'trial',
          lang: 'zh_CN',
        },
      },
    ])
  })

  it('reports a user without a subscription as refused, other WeChat errors and SDK errors as failed', async () => {
    const env = { WX_TPL_REPAIR_STATUS: 'tpl' }
    expect(await createCloudbaseNotifier(fakeApp({ result: { errcode: 43101, errmsg: 'user refuse' } }).app, env).send(msg)).toEqual({ status: 'refused', detail: '43101' })
    expect((await createCloudbaseNotifier(fakeApp({ result: { errcode: 47003, errmsg: 'argument invalid' } }).app, env).send(msg)).status).toBe('failed')
    expect((await createCloudbaseNotifier(fakeApp({ code: 'PERMISSION_DENIED', message: 'no openapi permission' }).app, env).send(msg)).status).toBe('failed')
  })

  it('skips, without calling WeChat, when no template id is configured', async () => {
    const { app, calls } = fakeApp({ result: { errcode: 0 } })
    expect((await createCloudbaseNotifier(app, {}).send(msg)).status).toBe('skipped')
    expect(calls).toHaveLength(0)
  })
})

describe('CloudBase storage adapter', () => {
  const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0, 0, 0, 0])
  function fakeApi(existing: string[]) {
    const urlCalls: number[] = []
    const api: CloudbaseStorageApi = {
      uploadFile: async ({ cloudPath }) => ({ fileID: `cloud://env.bucket/${cloudPath}` }),
      getTempFileURL: async ({ fileList }) => {
        urlCalls.push(fileList.length)
        return { fileList: fileList.map((f) => (existing.includes(f.fileID) ? { code: 'SUCCESS', fileID: f.fileID, tempFileURL: `https://download.example/${f.fileID.slice(8)}` } : { code: 'STORAGE_FILE_NONEXIST', fileID: f.fileID, tempFileURL: '' })) }
      },
      deleteFile: async () => ({}),
    }
    return { api, urlCalls }
  }

  it('stat sniffs the first bytes instead of trusting the uploader’s type, and skips missing files', async () => {
    const { api } = fakeApi(['cloud://env.bucket/repairs/a.jpg', 'cloud://env.bucket/repairs/b.jpg'])
    const heads: Record<string, { head: Buffer; size: number }> = {
      'https://download.example/env.bucket/repairs/a.jpg': { head: JPEG_HEAD, size: 123456 },
      'https://download.example/env.bucket/repairs/b.jpg': { head: Buffer.from('hello, I am text'), size: 16 },
    }
    const storage = createCloudbaseStorage(api, async (url) => heads[url] ?? null)
    expect(await storage.stat(['cloud://env.bucket/repairs/a.jpg', 'cloud://env.bucket/repairs/b.jpg', 'cloud://env.bucket/repairs/gone.jpg'])).toEqual([
      { fileId: 'cloud://env.bucket/repairs/a.jpg', size: 123456, contentType: 'image/jpeg' },
      { fileId: 'cloud://env.bucket/repairs/b.jpg', size: 16, contentType: 'text/plain' },
    ])
  })

  it('asks for temp URLs in batches of 50 (the API’s limit)', async () => {
    const ids = Array.from({ length: 120 }, (_, i) => `cloud://env.bucket/repairs/${i}.jpg`)
    const { api, urlCalls } = fakeApi(ids)
    const urls = await createCloudbaseStorage(api, async () => null).tempUrls(ids)
    expect(urlCalls).toEqual([50, 50, 20])
    expect(Object.keys(urls)).toHaveLength(120)
  })
})
