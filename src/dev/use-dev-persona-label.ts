import { useEffect, useState } from 'react'
import { currentPersonaId, loadPersonas } from './persona-store'

/** H5 only: the label of the demo persona being played, so a page can say "体验身份：业主 王先生". */
export function useDevPersonaLabel(): string | null {
  const [label, setLabel] = useState<string | null>(null)
  useEffect(() => {
    let alive = true
    void loadPersonas().then((list) => {
      if (alive) setLabel(list.find((p) => p.id === currentPersonaId())?.label ?? null)
    })
    return () => {
      alive = false
    }
  }, [])
  return label
}
