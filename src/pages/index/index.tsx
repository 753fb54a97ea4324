import { ResidentHome } from './resident-home'
import { withStaffHome } from './with-staff-home'
import './index.scss'

/**
 * 首页. Composed of small parts: the resident's home (resident-home.tsx) and, for staff, their workbench
 * (staff-home.tsx), chosen by with-staff-home.tsx from the caller's roles.
 */
function HomePage() {
  return <ResidentHome />
}

export default withStaffHome(HomePage)
