/**
 * The layering docs/architecture.md promises, checked in `npm test` (npm run depcheck):
 * core → kernel, contracts and other areas' public index.ts only; contracts pure; the mini-program → contracts
 * and its own code; no subpackage → another subpackage; platform never → function handlers.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-not-outer-layers',
      comment: 'core is the inner layer: it never reaches platform adapters, the function runtime, handlers or areas.ts.',
      severity: 'error',
      from: { path: '^cloudfunctions/core/' },
      to: { path: '^cloudfunctions/', pathNot: ['^cloudfunctions/core/', '^cloudfunctions/contracts/'] },
    },
    {
      name: 'kernel-knows-no-area',
      comment: 'the kernel is shared by every area, so it depends on none of them.',
      severity: 'error',
      from: { path: '^cloudfunctions/core/kernel/' },
      to: { path: '^cloudfunctions/core/', pathNot: '^cloudfunctions/core/kernel/' },
    },
    {
      name: 'core-areas-through-index',
      comment: "an area uses another area only through its public core/<area>/index.ts.",
      severity: 'error',
      from: { path: '^cloudfunctions/core/([^/]+)/' },
      to: {
        path: '^cloudfunctions/core/([^/]+)/',
        pathNot: ['^cloudfunctions/core/$1/', '^cloudfunctions/core/kernel/', '^cloudfunctions/core/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'contracts-pure',
      comment: 'contracts are shared with the mini-program: zod schemas and plain data only.',
      severity: 'error',
      from: { path: '^cloudfunctions/contracts/' },
      to: { pathNot: ['^cloudfunctions/contracts/', '(^|/)node_modules/zod/'] },
    },
    {
      name: 'src-only-contracts',
      comment: 'the mini-program reaches the backend only through contracts (and the typed client over them).',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^cloudfunctions/', pathNot: '^cloudfunctions/contracts/' },
    },
    {
      name: 'no-subpackage-to-subpackage',
      comment:
        'each subpackage loads on its own; what two share lives in src/components, src/hooks or src/services.',
      severity: 'error',
      from: { path: '^src/packages/([^/]+)/' },
      to: { path: '^src/packages/', pathNot: '^src/packages/$1/' },
    },
    {
      name: 'platform-not-handlers',
      comment: 'adapters serve functions, they never call into a function handler (the local registry is the one composition point).',
      severity: 'error',
      from: { path: '^cloudfunctions/platform/', pathNot: ['^cloudfunctions/platform/local/function-registry\\.ts$'] },
      to: { path: '^cloudfunctions/(access|attribution|fees|groupbuy|groups|households|ops|orders|paycallback|repairs)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: ['^dist/', '^node_modules/'] },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
}
