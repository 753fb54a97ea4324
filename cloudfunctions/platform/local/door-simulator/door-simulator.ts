import type { Clock, Logger } from '../../../core/kernel/platform'
import { DoorGatewayError, type DoorGateway, type DoorOpenCommand } from '../../../core/kernel/ports/door-gateway.port'

export interface SimulatedOpen extends DoorOpenCommand {
  at: Date
}

/**
 * The local stand-in for the vendor's door gateway: it "opens" by remembering the command and writing a
 * log line, and can play an unreachable door so the failure path is testable.
 */
export class DoorSimulator implements DoorGateway {
  readonly opens: SimulatedOpen[] = []
  /** Vendor door ids that answer like a door whose controller is offline. */
  readonly offline = new Set<string>()
  private static readonly KEEP = 500

  constructor(
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async open(command: DoorOpenCommand): Promise<void> {
    if (this.offline.has(command.vendorDoorId)) throw new DoorGatewayError(`door ${command.vendorDoorId} is offline`, true)
    this.opens.push({ ...command, at: this.clock.now() })
    if (this.opens.length > DoorSimulator.KEEP) this.opens.splice(0, this.opens.length - DoorSimulator.KEEP)
    this.logger.info('door_simulator.opened', { doorId: command.doorId, vendorDoorId: command.vendorDoorId, channel: command.channel })
  }
}
