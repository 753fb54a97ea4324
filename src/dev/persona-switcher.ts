import { choosePersona, currentPersonaId, loadPersonas, type DevPersona } from './persona-store'
import './persona-switcher.css'

/**
 * The demo-persona sheet for trying every role in the browser (H5 only). Opened from the 切换体验身份 row
 * of 我的 (dev/PersonaEntry.tsx), never floating over a page, so it cannot cover a button. Plain DOM: it
 * lives outside Taro's page tree. Switching reloads the app so every page starts fresh as the new person.
 */
export function openPersonaSwitcher(doc: Document = document): void {
  let root = doc.getElementById('dev-persona-switcher')
  if (!root) {
    root = doc.createElement('div')
    root.id = 'dev-persona-switcher'
    doc.body.appendChild(root)
  }
  const host = root
  void loadPersonas().then((list) => openSheet(doc, host, list))
}

export function shortLabel(p: DevPersona): string {
  return p.label.replace(/（.*）/, '').split(' ')[0]
}

function openSheet(doc: Document, root: HTMLElement, personas: DevPersona[]): void {
  const mask = doc.createElement('div')
  mask.className = 'dev-persona-mask'
  const sheet = doc.createElement('div')
  sheet.className = 'dev-persona-sheet'
  sheet.setAttribute('role', 'dialog')
  const title = doc.createElement('div')
  title.className = 'dev-persona-title'
  title.textContent = personas.length ? '选择体验身份（仅本地 H5）' : '身份列表加载失败，请确认本地服务已启动'
  sheet.appendChild(title)
  const active = currentPersonaId()
  for (const p of personas) {
    const item = doc.createElement('button')
    item.type = 'button'
    item.className = `dev-persona-item${p.id === active ? ' is-active' : ''}`
    item.dataset.persona = p.id
    const name = doc.createElement('span')
    name.className = 'dev-persona-name'
    name.textContent = p.label
    const desc = doc.createElement('span')
    desc.className = 'dev-persona-desc'
    desc.textContent = p.description
    item.append(name, desc)
    item.addEventListener('click', () => {
      choosePersona(p)
      doc.defaultView?.location.reload()
    })
    sheet.appendChild(item)
  }
  const close = () => {
    mask.remove()
    sheet.remove()
  }
  mask.addEventListener('click', close)
  root.append(mask, sheet)
}
