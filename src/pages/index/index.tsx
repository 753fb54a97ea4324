import { ResidentHome } from './resident-home'
import './index.scss'

/**
 * 首页. Composed of small parts so role-aware homes sit beside the resident's (a staff-home.tsx next to
 * resident-home.tsx, chosen here from households.me roles).
 */
export default function HomePage() {
  return <ResidentHome />
}
