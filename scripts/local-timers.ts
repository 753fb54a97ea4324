import fs from 'node:fs'
import path from 'node:path'
import type { Platform } from '../cloudfunctions/core/kernel/platform'
import { invokeLocal, asTimer } from '../cloudfunctions/platform/local/invoke-local'

interface RcFunction {
  name: string
  triggers?: { name: string; type: string }[]
}

/**
 * CloudBase fires timer triggers by cron; locally `npm start` runs every declared timer once a minute
 * (LOCAL_TIMER_INTERVAL_S), which is safe because every timer job is resumable and idempotent.
 * Returns a function that stops the loop.
 */
export function startLocalTimers(platform: Platform, intervalSeconds: number, log: (line: string) => void = console.log): () => void {
  const rc = JSON.parse(fs.readFileSync(path.join(__dirname, '../cloudbaserc.json'), 'utf8')) as { functions: RcFunction[] }
  const jobs = rc.functions.flatMap((f) => (f.triggers ?? []).filter((t) => t.type === 'timer').map((t) => ({ fn: f.name, trigger: t.name })))
  let running = false
  const tick = async () => {
    if (running) return
    running = true
    try {
      for (const job of jobs) {
        const reply = await invokeLocal(platform, job.fn, { Type: 'Timer', TriggerName: job.trigger, Time: platform.clock.now().toISOString() }, asTimer)
        if (!reply.ok) log(`[timer] ${job.fn}.${job.trigger} → ${reply.code}: ${reply.message}`)
      }
    } finally {
      running = false
    }
  }
  const handle = setInterval(() => void tick(), intervalSeconds * 1000)
  handle.unref()
  log(`[timer] ${jobs.length} timer triggers run every ${intervalSeconds} s (${jobs.map((j) => `${j.fn}.${j.trigger}`).join(', ')})`)
  return () => clearInterval(handle)
}
