import fc from 'fast-check'

/** Values an attacker or a clumsy client sends where a well-formed field is expected. */
export const hostileValues: unknown[] = [
  null,
  '',
  ' ',
  'x'.repeat(100_000),
  '😀👨‍👩‍👧‍👦'.repeat(50),
  '\u0000\u202e',
  '<script>alert(1)</script>',
  "'; DROP TABLE households; --",
  { $gt: '' },
  { $ne: null },
  { $where: 'sleep(1000)' },
  { __proto__: { polluted: true } },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  { constructor: { prototype: { polluted: true } } },
  -1,
  -0.01,
  0.5,
  1e21,
  Number.MAX_SAFE_INTEGER + 2,
  '99999999999999999999',
  '2999-12-31T23:59:59Z',
  '0000-00-00',
  true,
  [],
  [1, 2, 3],
  {},
  'demo-owner',
  'h-1-1-101',
]

export const hostileValue = fc.oneof(fc.constantFrom(...hostileValues), fc.anything({ maxDepth: 2 }), fc.string(), fc.integer(), fc.double())

/** A random event: the action's own field names with hostile values, plus stray keys. */
export function hostileInput(fieldNames: string[]) {
  const fields = fieldNames.length ? fc.subarray(fieldNames) : fc.constant([] as string[])
  return fc
    .tuple(fields, fc.array(hostileValue, { minLength: fieldNames.length, maxLength: fieldNames.length }), fc.option(fc.constantFrom('__proto__', 'constructor', '$where', 'openid', '_id'), { nil: undefined }))
    .map(([chosen, values, stray]) => {
      const input: Record<string, unknown> = {}
      chosen.forEach((name, i) => {
        input[name] = values[i]
      })
      if (stray) input[stray] = { $gt: '' }
      return input
    })
}
