import type { Logger } from '../core/kernel/platform'
import { redactFields, redactText } from './redact'

/** One JSON line per event, which is what CloudBase's log search indexes well. */
export function createConsoleLogger(fn: string, sink: (line: string) => void = (l) => console.log(l)): Logger {
  const write = (level: string, event: string, fields?: Record<string, unknown>) =>
    sink(redactText(JSON.stringify({ level, fn, event, ...redactFields(fields) })))
  return {
    info: (event, fields) => write('info', event, fields),
    warn: (event, fields) => write('warn', event, fields),
    error: (event, fields) => write('error', event, fields),
  }
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} }
