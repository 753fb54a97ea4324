/**
 * Babel plugin: `import { Button, Cell } from '@nutui/nutui-react-taro'` also imports the CSS of exactly
 * those components (and, through NutUI's own css.js, of the components they use). Importing NutUI's whole
 * style.css (~230 KB) into app.wxss would spend a third of the 600 KB main-package budget on components
 * no tab page uses; this keeps each component's CSS in the package whose pages use it.
 */
const fs = require('node:fs')
const path = require('node:path')

const LIBRARY = '@nutui/nutui-react-taro'
const packagesDir = path.join(path.dirname(require.resolve(`${LIBRARY}/package.json`)), 'dist/es/packages')
const known = new Map()

function styleImportFor(name) {
  const dir = name.toLowerCase()
  if (!known.has(dir)) known.set(dir, fs.existsSync(path.join(packagesDir, dir, 'style/css.js')))
  return known.get(dir) ? `${LIBRARY}/dist/es/packages/${dir}/style/css` : null
}

module.exports = function nutuiStyles({ types: t }) {
  return {
    name: 'nutui-styles',
    visitor: {
      ImportDeclaration(p) {
        const node = p.node
        if (node.source.value !== LIBRARY || node.importKind === 'type') return
        const styles = []
        for (const spec of node.specifiers) {
          if (spec.type !== 'ImportSpecifier' || spec.importKind === 'type') continue
          const name = spec.imported.type === 'Identifier' ? spec.imported.name : spec.imported.value
          const style = styleImportFor(name)
          if (style) styles.push(style)
        }
        if (styles.length) p.insertAfter(styles.map((s) => t.importDeclaration([], t.stringLiteral(s))))
      },
    },
  }
}
