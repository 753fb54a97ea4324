import type { ComponentType } from 'react'

/**
 * NutUI icons (@nutui/icons-react-taro), each a small SVG drawn through a CSS mask in the current
 * colour. Imported one file at a time: the package's index is marked side-effectful, so a named import
 * from it would pull every icon (and their inline SVGs) into the main package.
 */
export interface IconProps {
  size?: string | number
  color?: string
  className?: string
}
type Icon = ComponentType<IconProps>
const load = (m: { default: unknown }) => m.default as Icon

export const WalletIcon = load(require('@nutui/icons-react-taro/dist/es/icons/Wallet.js'))
export const RepairIcon = load(require('@nutui/icons-react-taro/dist/es/icons/Repairman.js'))
export const DoorIcon = load(require('@nutui/icons-react-taro/dist/es/icons/Scan.js'))
export const VisitorIcon = load(require('@nutui/icons-react-taro/dist/es/icons/UserAdd.js'))
export const GroupbuyIcon = load(require('@nutui/icons-react-taro/dist/es/icons/Cart.js'))
export const ServiceIcon = load(require('@nutui/icons-react-taro/dist/es/icons/Service.js'))
export const BellIcon = load(require('@nutui/icons-react-taro/dist/es/icons/Notice.js'))
export const ArrowDownIcon = load(require('@nutui/icons-react-taro/dist/es/icons/ArrowDown.js'))
export const RightIcon = load(require('@nutui/icons-react-taro/dist/es/icons/ArrowRight.js'))
