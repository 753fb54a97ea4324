/**
 * The door vendor's gateway: the only way the cloud opens a door ("一键开门"). Production posts to the
 * vendor's HTTP API (platform/cloudbase/door-gateway-http.ts); locally a simulator records the opens
 * (platform/local/door-simulator).
 */
export interface DoorOpenCommand {
  communityId: string
  doorId: string
  /** The door's id in the vendor's system. */
  vendorDoorId: string
  /** Our request id; vendors that de-duplicate on it make a retried open harmless. */
  requestId: string
  channel: 'remote' | 'visitor_remote'
}

export interface DoorGateway {
  /** Resolves when the vendor accepted the open; rejects with DoorGatewayError otherwise. */
  open(command: DoorOpenCommand): Promise<void>
}

export class DoorGatewayError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message)
    this.name = 'DoorGatewayError'
  }
}

