/**
 * Taro hands the page's whole view as a data tree to setData: the first call sends `{ root: {...} }`,
 * later ones send path updates such as `root.cn.[0].cn.[2].v`. This applies those updates to a plain
 * object exactly as WeChat's setData would, so tests can assert on what the page would show.
 */
type Json = Record<string, unknown>

/** "root.cn.[0].cn[1].v" → ['root', 'cn', 0, 'cn', 1, 'v'] */
export function parsePath(key: string): (string | number)[] {
  const out: (string | number)[] = []
  const re = /([^.[\]]+)|\[(\d+)\]/g
  let m: RegExpExecArray | null
  while ((m = re.exec(key))) out.push(m[2] !== undefined ? Number(m[2]) : m[1])
  return out
}

export function applySetData(tree: Json, data: Json): void {
  for (const [key, value] of Object.entries(data)) {
    const path = parsePath(key)
    let node: any = tree
    for (let i = 0; i < path.length - 1; i++) {
      const k = path[i]
      if (node[k] === undefined || node[k] === null) node[k] = typeof path[i + 1] === 'number' ? [] : {}
      node = node[k]
    }
    // setData copies values: later mutations by the page must not leak into our snapshot.
    node[path[path.length - 1]] = value === undefined ? undefined : JSON.parse(JSON.stringify(value))
  }
}

/** Bytes WeChat would move between the logic and render threads for one setData call. */
export function payloadBytes(data: unknown): number {
  return Buffer.byteLength(JSON.stringify(data), 'utf8')
}
