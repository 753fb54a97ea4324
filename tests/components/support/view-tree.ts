/**
 * Reading Taro's setData tree: nodes carry `nn` (node type), `cl` (class), `sid` (id), `cn` (children)
 * and text nodes `v`. These helpers find nodes by class and collect their text like a user would read it.
 */
export interface ViewNode {
  nn?: string | number
  cl?: string
  sid?: string
  v?: string
  cn?: ViewNode[]
  [k: string]: unknown
}

export function allNodes(root: ViewNode | undefined): ViewNode[] {
  if (!root) return []
  const out: ViewNode[] = []
  const walk = (n: ViewNode) => {
    out.push(n)
    for (const c of n.cn ?? []) if (c) walk(c)
  }
  walk(root)
  return out
}

export function hasClass(node: ViewNode, cls: string): boolean {
  return typeof node.cl === 'string' && node.cl.split(/\s+/).includes(cls)
}

export function findByClass(root: ViewNode | undefined, cls: string): ViewNode[] {
  return allNodes(root).filter((n) => hasClass(n, cls))
}

/** All text under a node, in reading order. */
export function textOf(node: ViewNode | undefined): string {
  return allNodes(node)
    .map((n) => (typeof n.v === 'string' ? n.v : ''))
    .join('')
}
