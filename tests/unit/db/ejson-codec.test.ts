import fc from 'fast-check'
import { EJSON } from 'bson'
import { decodeWire, decodeStored, encodeStored } from '../../../cloudfunctions/platform/local/db/ejson-codec'

/**
 * The codec's fast paths (plain JSON where relaxed EJSON is plain JSON, a small walker for the common
 * EJSON wrappers) must give exactly what bson's EJSON gives.
 */
describe('ejson codec fast paths agree with bson EJSON', () => {
  const now = new Date('2026-12-03T00:00:00Z')
  const scalar = fc.oneof(
    fc.string(),
    fc.constantFrom('$gte', '$date', 'a"$b', '$numberInt'),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.date({ min: new Date(-2e13), max: new Date(3e13), noInvalidDate: true }),
  )
  const key = fc.oneof(fc.string({ minLength: 1, maxLength: 6 }).filter((k) => !k.startsWith('$') && k !== '__proto__'), fc.constantFrom('a', 'b', 'x.y'))
  const value = fc.letrec((tie) => ({
    v: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(key, tie('v'), { maxKeys: 4 })),
  })).v
  const doc = fc.dictionary(key, value, { maxKeys: 6 })

  it('decodeWire(canonical text) equals EJSON.parse (relaxed) of the same text', () => {
    fc.assert(
      fc.property(doc, (d) => {
        const text = EJSON.stringify(d as never, { relaxed: false })
        expect(decodeWire(text, now)).toEqual(EJSON.parse(text, { relaxed: true }))
      }),
      { numRuns: 300 },
    )
  })

  it('encodeStored equals EJSON relaxed text, and decodeStored reads it back as EJSON would', () => {
    fc.assert(
      fc.property(doc, (d) => {
        const text = encodeStored(d)
        expect(text).toBe(EJSON.stringify(d as never, { relaxed: true }))
        expect(decodeStored(text)).toEqual(EJSON.parse(text, { relaxed: true }))
      }),
      { numRuns: 300 },
    )
  })

  it('query operators and regex wrappers decode to what mingo expects', () => {
    const text = EJSON.stringify({ a: { $gte: 1, $in: [2.5, 'x'] }, r: /ab+c/i, d: new Date(5) } as never, { relaxed: false })
    expect(decodeWire(text, now)).toEqual({ a: { $gte: 1, $in: [2.5, 'x'] }, r: /ab+c/i, d: new Date(5) })
    expect(decodeWire('{"at":{"$tcb_server_date":{"offset":{"$numberInt":"1000"}}}}', now)).toEqual({ at: new Date(now.getTime() + 1000) })
  })
})
