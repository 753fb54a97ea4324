/**
 * The load clients of an HTTP bench, run in their own node process (`runLoadClients` forks this file), so
 * the process being measured is the server alone: before, the 50 clients shared the server's event loop and
 * a profile could not tell their HTTP parsing from the gateway's. Plain node:http with keep-alive, at most
 * `inFlight` requests at a time, in the order given. Answers the parent over IPC with every latency and the
 * reply codes (`ok` or the refusal code); it never interprets a reply beyond that.
 */
import { fork } from 'node:child_process'
import http from 'node:http'

export interface LoadRequest {
  path: string
  openid: string
  body: unknown
}

export interface LoadPlan {
  port: number
  inFlight: number
  requests: LoadRequest[]
}

export interface LoadResult {
  /** Per request, in the order of `requests`: ms from sending to the parsed reply. */
  latencies: number[]
  /** Per request: 'ok' or the reply's code. */
  codes: string[]
  wallMs: number
  /** CPU the client process spent on the run (user + system). */
  clientCpuMs: number
}

/**
 * Forks the client process, waits until it has loaded, then hands it `plan`; `onStart` fires just before
 * that, so a server measuring its own CPU from there counts only serving the run (and one IPC message).
 */
export function runLoadClients(plan: LoadPlan, onStart: () => void): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    let done = false
    child.on('message', (msg: { type: string; result?: LoadResult; error?: string }) => {
      if (msg.type === 'ready') {
        onStart()
        child.send({ type: 'plan', plan })
      } else if (msg.type === 'result') {
        done = true
        child.kill()
        resolve(msg.result!)
      } else if (msg.type === 'error') {
        done = true
        child.kill()
        reject(new Error(`load client: ${msg.error}`))
      }
    })
    child.on('error', reject)
    child.on('exit', (code) => {
      if (!done) reject(new Error(`load client exited with ${code} before answering`))
    })
  })
}

async function run(plan: LoadPlan): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: plan.inFlight })
  const latencies = new Array<number>(plan.requests.length)
  const codes = new Array<string>(plan.requests.length)
  let next = 0
  const cpuBefore = process.cpuUsage()
  const t0 = process.hrtime.bigint()
  const worker = async () => {
    while (next < plan.requests.length) {
      const i = next++
      const r = plan.requests[i]
      const sent = process.hrtime.bigint()
      const reply = (await postJson(agent, plan.port, r.path, r.openid, r.body)) as { ok: boolean; code?: string }
      latencies[i] = Number(process.hrtime.bigint() - sent) / 1e6
      codes[i] = reply.ok ? 'ok' : (reply.code ?? 'error')
    }
  }
  await Promise.all(Array.from({ length: plan.inFlight }, worker))
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6
  const cpu = process.cpuUsage(cpuBefore)
  agent.destroy()
  return { latencies, codes, wallMs, clientCpuMs: (cpu.user + cpu.system) / 1000 }
}

function postJson(agent: http.Agent, port: number, path: string, openid: string, body: unknown): Promise<unknown> {
  const payload = Buffer.from(JSON.stringify(body))
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': payload.length, 'x-dev-openid': openid } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')))
          } catch (e) {
            reject(e)
          }
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(payload)
  })
}

// Child side: only when forked by runLoadClients (process.send exists and this file is the entry).
if (require.main === module && process.send) {
  process.on('message', (msg: { type: string; plan?: LoadPlan }) => {
    if (msg.type !== 'plan' || !msg.plan) return
    run(msg.plan)
      .then((result) => process.send!({ type: 'result', result }))
      .catch((e: Error) => process.send!({ type: 'error', error: e.message }))
  })
  process.send({ type: 'ready' })
}
