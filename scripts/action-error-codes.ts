/**
 * Which domain error codes can each action of each function answer? A static walk over the TypeScript
 * call graph, from the handler of each action through every function it calls (across areas, through
 * index.ts re-exports), collecting the codes of `new DomainError(...)`:
 * - a literal code (or a small union of literals) counts where it is thrown;
 * - an error factory (`feeError(code)`, `groupbuyError(code, …)`: a function passing its own parameter to
 *   DomainError) counts the literal its caller passes;
 * - a call through an interface member or a function type (order-type hooks, order listeners) counts every
 *   implementation declared with that type in cloudfunctions/ — that is how the wiring dispatches them.
 * It is a lower bound: codes built at run time from wider types are not seen (`unresolved` counts them).
 * tests/unit/contracts/action-errors.test.ts checks every action declares at least what this finds;
 * `npx tsx scripts/action-error-codes.ts [fn]` prints the lists for a contract's `errors`.
 */
import path from 'node:path'
import fs from 'node:fs'
import ts from 'typescript'
import { FUNCTIONS_SRC, ROOT, functionNames } from './function-list'

interface Summary {
  codes: Set<string>
  /** Codes reached only through dispatch (a hook of SOME order type): possible, not certain, for this action. */
  dispatched: Set<string>
  /** Indexes of parameters that flow straight into DomainError's code. */
  codeParams: Set<number>
}

export interface ActionCodes {
  /** Codes thrown on a path the action certainly can take. */
  direct: Set<string>
  /** Codes behind an order-type hook or listener of some type: the action may reach them for one type, not another. */
  dispatched: Set<string>
}

export interface ActionErrorAnalysis {
  /** fn → action → codes found */
  actions: Map<string, Map<string, ActionCodes>>
  /** DomainErrors whose code is wider than a few literals (not attributed to any action). */
  unresolved: number
}

const MAX_UNION = 12

export function analyseActionErrors(fns: string[] = functionNames()): ActionErrorAnalysis {
  const roots = fns.map((fn) => path.join(FUNCTIONS_SRC, fn, `${fn}.function.ts`)).filter((f) => fs.existsSync(f))
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })
  const program = ts.createProgram(roots, { ...config!.options, noEmit: true })
  const checker = program.getTypeChecker()
  const ours = (sf: ts.SourceFile) => sf.fileName.startsWith(FUNCTIONS_SRC) && !sf.isDeclarationFile
  let unresolved = 0

  // Implementations of a type, by its name: `const x: OrderTypeHooks = {…}`, `const l: OrderListener = …`.
  const implementations = new Map<string, ts.Expression[]>()
  for (const sf of program.getSourceFiles().filter(ours)) {
    const visit = (n: ts.Node) => {
      if (ts.isVariableDeclaration(n) && n.type && ts.isTypeReferenceNode(n.type) && n.initializer) {
        const name = n.type.typeName.getText(sf)
        implementations.set(name, [...(implementations.get(name) ?? []), n.initializer])
      }
      ts.forEachChild(n, visit)
    }
    visit(sf)
  }

  const resolve = (node: ts.Node): ts.Symbol | undefined => {
    const s = checker.getSymbolAtLocation(node)
    return s && s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s
  }
  const isDomainError = (e: ts.Expression) => resolve(e)?.getName() === 'DomainError'

  const literalsOf = (expr: ts.Expression): string[] | null => {
    const type = checker.getTypeAtLocation(expr)
    const parts = type.isUnion() ? type.types : [type]
    if (parts.length > MAX_UNION || !parts.every((t) => t.isStringLiteral())) return null
    return parts.map((t) => (t as ts.StringLiteralType).value)
  }

  /** Function bodies a callee expression may run. */
  const targets = (callee: ts.Expression): ts.Node[] => direct(callee).concat(dispatch(callee))
  const dispatchTargets = new WeakSet<ts.Node>()
  const dispatch = (callee: ts.Expression): ts.Node[] => {
    const out = implementationsBehind(callee)
    out.forEach((n) => dispatchTargets.add(n))
    return out
  }
  const direct = (callee: ts.Expression): ts.Node[] => {
    const out: ts.Node[] = []
    const sym = resolve(callee)
    for (const d of sym?.declarations ?? []) {
      if (!ours(d.getSourceFile())) continue
      if (ts.isFunctionDeclaration(d) || ts.isMethodDeclaration(d)) out.push(d)
      else if ((ts.isVariableDeclaration(d) || ts.isPropertyAssignment(d)) && d.initializer) out.push(d.initializer)
    }
    return out
  }
  /** Interface members and function-typed values: every implementation declared with that type. */
  const implementationsBehind = (callee: ts.Expression): ts.Node[] => {
    const out: ts.Node[] = []
    const sym = resolve(callee)
    const decls = (sym?.declarations ?? []).filter((d) => ours(d.getSourceFile()))
    for (const d of decls) {
      if ((ts.isPropertySignature(d) || ts.isMethodSignature(d)) && ts.isInterfaceDeclaration(d.parent)) {
        const member = d.name.getText()
        for (const impl of implementations.get(d.parent.name.text) ?? []) {
          if (!ts.isObjectLiteralExpression(impl)) continue
          for (const p of impl.properties) {
            if (p.name?.getText() !== member) continue
            if (ts.isPropertyAssignment(p)) out.push(p.initializer)
            else if (ts.isMethodDeclaration(p)) out.push(p)
            else if (ts.isShorthandPropertyAssignment(p)) out.push(...direct(p.name))
          }
        }
      }
    }
    if (out.length === 0 && direct(callee).length === 0) {
      // A value of a function type (a listener from the wiring): every implementation of that type.
      const alias = checker.getTypeAtLocation(callee).aliasSymbol?.getName()
      if (alias) out.push(...(implementations.get(alias) ?? []))
    }
    return out
  }

  const memo = new Map<ts.Node, Summary>()
  const summarize = (node: ts.Node): Summary => {
    const known = memo.get(node)
    if (known) return known
    const s: Summary = { codes: new Set(), dispatched: new Set(), codeParams: new Set() }
    memo.set(node, s)
    if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) {
      for (const t of targets(node)) merge(s, summarize(t), dispatchTargets.has(t))
      return s
    }
    const params = ts.isFunctionLike(node) ? node.parameters.map((p) => checker.getSymbolAtLocation(p.name)) : []
    const paramIndex = (e: ts.Expression) => (ts.isIdentifier(e) ? params.indexOf(checker.getSymbolAtLocation(e)) : -1)
    const codeOf = (arg: ts.Expression | undefined) => {
      if (!arg) return
      const i = paramIndex(arg)
      if (i >= 0) return void s.codeParams.add(i)
      const lits = literalsOf(arg)
      if (lits) lits.forEach((c) => s.codes.add(c))
      else unresolved += 1
    }
    const visit = (n: ts.Node) => {
      if (ts.isNewExpression(n) && isDomainError(n.expression)) codeOf(n.arguments?.[0])
      else if (ts.isCallExpression(n) || ts.isNewExpression(n)) {
        for (const t of targets(n.expression)) {
          const sub = summarize(t)
          merge(s, sub, dispatchTargets.has(t))
          for (const i of sub.codeParams) codeOf(n.arguments?.[i])
        }
      }
      // A function handed over as a value (a callback) may run too.
      if (ts.isCallOrNewExpression(n)) {
        for (const a of n.arguments ?? []) if (ts.isIdentifier(a)) for (const t of targets(a)) if (ts.isFunctionLike(t)) merge(s, summarize(t), dispatchTargets.has(t))
      }
      ts.forEachChild(n, visit)
    }
    const body = ts.isFunctionLike(node) ? (node as ts.FunctionLikeDeclaration).body : node
    if (body) visit(body)
    return s
  }
  const merge = (into: Summary, from: Summary, dispatched: boolean) => {
    from.codes.forEach((c) => (dispatched ? into.dispatched : into.codes).add(c))
    from.dispatched.forEach((c) => into.dispatched.add(c))
  }

  /** The handlers object of defineFunction, spreads of other handler maps included. */
  const handlerEntries = (obj: ts.Expression, out: Map<string, ts.Node>) => {
    if (ts.isIdentifier(obj)) {
      for (const t of targets(obj)) handlerEntries(t as ts.Expression, out)
      return
    }
    if (!ts.isObjectLiteralExpression(obj)) return
    for (const p of obj.properties) {
      if (ts.isSpreadAssignment(p)) handlerEntries(p.expression, out)
      else if (ts.isPropertyAssignment(p)) out.set(p.name.getText(), p.initializer)
      else if (ts.isMethodDeclaration(p)) out.set(p.name.getText(), p)
      else if (ts.isShorthandPropertyAssignment(p)) out.set(p.name.getText(), p.name)
    }
  }

  const actions = new Map<string, Map<string, ActionCodes>>()
  for (const fn of fns) {
    const sf = program.getSourceFile(path.join(FUNCTIONS_SRC, fn, `${fn}.function.ts`))
    if (!sf) continue
    const handlers = new Map<string, ts.Node>()
    const find = (n: ts.Node) => {
      if (ts.isCallExpression(n) && n.expression.getText(sf) === 'defineFunction' && n.arguments[1]) handlerEntries(n.arguments[1], handlers)
      ts.forEachChild(n, find)
    }
    find(sf)
    const perAction = new Map<string, ActionCodes>()
    for (const [action, node] of handlers) {
      const s = ts.isFunctionLike(node) || ts.isIdentifier(node) ? summarize(node) : summarizeExpression(node)
      perAction.set(action, { direct: new Set([...s.codes].sort()), dispatched: new Set([...s.dispatched].filter((c) => !s.codes.has(c)).sort()) })
    }
    actions.set(fn, perAction)
  }
  function summarizeExpression(expr: ts.Node): Summary {
    const holder: Summary = { codes: new Set(), dispatched: new Set(), codeParams: new Set() }
    const visit = (n: ts.Node) => {
      if (ts.isFunctionLike(n) || ts.isCallOrNewExpression(n)) merge(holder, ts.isFunctionLike(n) ? summarize(n) : summarize(n.expression), false)
      ts.forEachChild(n, visit)
    }
    visit(expr)
    return holder
  }
  return { actions, unresolved }
}

if (require.main === module) {
  const only = process.argv[2]
  const { actions, unresolved } = analyseActionErrors(only ? [only] : undefined)
  for (const [fn, perAction] of actions) {
    process.stdout.write(`// ${fn}\nerrors: {\n`)
    for (const [action, { direct, dispatched }] of perAction) {
      const list = (codes: Set<string>) => [...codes].map((c) => `'${c}'`).join(', ')
      process.stdout.write(`  ${action}: [${list(direct)}],${dispatched.size ? ` // via hooks: ${list(dispatched)}` : ''}\n`)
    }
    process.stdout.write('}\n')
  }
  process.stderr.write(`unresolved DomainError codes (wider than ${MAX_UNION} literals): ${unresolved}\n`)
}
