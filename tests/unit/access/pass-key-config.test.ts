import { parsePassKeyConfig, passKeyStoreFromEnv } from '../../../cloudfunctions/core/access/pass-key-config'
import { devPassKeyStore, localPassKeyStore } from '../../../cloudfunctions/platform/local/demo/dev-pass-keys'

const secret = Buffer.alloc(32, 3).toString('base64')

describe('pass key store', () => {
  it('parses the ACCESS_PASS_KEYS rotation config', () => {
    const keys = parsePassKeyConfig(JSON.stringify({ 'c-a': [{ kid: 1, secret, signFrom: '2026-01-01T00:00:00Z', verifyUntil: '2026-02-01T00:00:00Z' }, { kid: 2, secret, signFrom: '2026-01-31T00:00:00Z' }] }))
    expect(keys.get('c-a')).toEqual([
      { kid: 1, secret: Buffer.alloc(32, 3), signFrom: Date.parse('2026-01-01T00:00:00Z'), verifyUntil: Date.parse('2026-02-01T00:00:00Z') },
      { kid: 2, secret: Buffer.alloc(32, 3), signFrom: Date.parse('2026-01-31T00:00:00Z'), verifyUntil: null },
    ])
  })

  it.each([
    ['a short secret', { 'c-a': [{ kid: 1, secret: 'c2hvcnQ=', signFrom: '2026-01-01T00:00:00Z' }] }],
    ['a duplicate kid', { 'c-a': [{ kid: 1, secret, signFrom: '2026-01-01T00:00:00Z' }, { kid: 1, secret, signFrom: '2026-02-01T00:00:00Z' }] }],
    ['a kid above 255', { 'c-a': [{ kid: 256, secret, signFrom: '2026-01-01T00:00:00Z' }] }],
    ['no keys', { 'c-a': [] }],
  ])('refuses %s', (_name, config) => {
    expect(() => parsePassKeyConfig(JSON.stringify(config))).toThrow()
  })

  it('derives stable, per-community dev keys only in local runs; production without the secret has none', () => {
    const a = devPassKeyStore('s1').keysFor('c-a')[0].secret
    expect(devPassKeyStore('s1').keysFor('c-a')[0].secret).toEqual(a)
    expect(devPassKeyStore('s1').keysFor('c-b')[0].secret).not.toEqual(a)
    expect(devPassKeyStore('s2').keysFor('c-a')[0].secret).not.toEqual(a)
    expect(localPassKeyStore({}).keysFor('c-a')).toHaveLength(1)
    expect(passKeyStoreFromEnv({}).keysFor('c-a')).toEqual([])
    const configured = { ACCESS_PASS_KEYS: JSON.stringify({ 'c-a': [{ kid: 7, secret, signFrom: '2026-01-01T00:00:00Z' }] }) }
    expect(localPassKeyStore(configured).keysFor('c-a').map((k) => k.kid)).toEqual([7])
  })
})
