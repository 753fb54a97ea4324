import type { Platform } from '../../../core/kernel/platform'
import { DoorSimulator } from './door-simulator'

/** The simulator a local platform opens doors through (tests read the opens it recorded). */
export function doorSimulatorOf(platform: Platform): DoorSimulator {
  const gateway = platform.ports.doorGateway
  if (!(gateway instanceof DoorSimulator)) throw new Error('this platform does not open doors through the local simulator')
  return gateway
}
