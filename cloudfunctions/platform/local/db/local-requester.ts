import type { LocalDbEngine } from './local-db-engine'

/**
 * Plugged in as `Db.reqClass` of @cloudbase/database. The SDK constructs one per query with the Db's
 * config and calls `send(action, params)`; in production that is an HTTPS call to CloudBase, here it
 * goes to the engine named in the config.
 */
export class LocalRequester {
  private readonly engine: LocalDbEngine

  constructor(config: { localEngine?: LocalDbEngine } | undefined) {
    if (!config?.localEngine) throw new Error('LocalRequester needs config.localEngine (use createLocalDb)')
    this.engine = config.localEngine
  }

  send(action: string, params?: Record<string, unknown>): Promise<Record<string, unknown>> {
    return this.engine.execute(action, params ?? {})
  }
}
