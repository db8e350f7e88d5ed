// A production server of its own (node server.mjs, its own DATA_DIR and a free port), for the attack
// specs that write a lot, kill the server or restore backups: the shared e2e server's data stays as the
// other specs expect it.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port
      s.close(() => resolve(port))
    })
  })
}

export interface OwnServer {
  url: string
  dataDir: string
  /** ms from spawn to the first 200 of /healthz */
  start(): Promise<number>
  /** SIGTERM and wait */
  stop(): Promise<void>
  /** SIGKILL at once (no shutdown code runs) */
  kill9(): Promise<void>
  stderr(): string
}

export async function ownServer(
  name: string,
  env: Record<string, string> = {},
  dataDir = path.resolve(`tests/.tmp/${name}`),
): Promise<OwnServer> {
  const port = await freePort()
  const url = `http://localhost:${port}`
  let child: ChildProcess | null = null
  let errors = ''
  const exited = () =>
    new Promise<void>((resolve) => {
      if (!child || child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
    })
  return {
    url,
    dataDir,
    async start() {
      const began = Date.now()
      const childEnv: NodeJS.ProcessEnv = {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        APP_ORIGIN: url,
        NODE_ENV: 'production',
        DEMO_DATA: 'on',
        WEB_CONCURRENCY: '1',
        ...env,
      }
      delete childEnv.DATABASE_PATH
      const started = spawn(process.execPath, ['server.mjs'], {
        env: childEnv,
        stdio: ['ignore', 'ignore', 'pipe'],
      })
      child = started
      started.stderr.on('data', (d: Buffer) => (errors += d.toString()))
      for (;;) {
        if (started.exitCode !== null) throw new Error(`server ${name} exited: ${errors}`)
        try {
          const r = await fetch(`${url}/healthz`)
          if (r.status === 200) return Date.now() - began
        } catch {
          // not listening yet
        }
        if (Date.now() - began > 60_000) throw new Error(`server ${name} did not start: ${errors}`)
        await new Promise((r) => setTimeout(r, 50))
      }
    },
    async stop() {
      child?.kill('SIGTERM')
      await exited()
    },
    async kill9() {
      child?.kill('SIGKILL')
      await exited()
    },
    stderr: () => errors,
  }
}

export function freshDir(dir: string) {
  fs.rmSync(dir, { recursive: true, force: true })
  fs.mkdirSync(path.dirname(dir), { recursive: true })
}

/** Signs in through the form; answers the Cookie header value. */
export async function signInCookie(url: string, email: string, password = 'rcm-demo-2026') {
  const r = await fetch(`${url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: url, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password }).toString(),
  })
  const cookie = r.headers.get('set-cookie')?.split(';')[0]
  if (r.status !== 302 || !cookie) throw new Error(`sign-in of ${email} answered ${r.status}`)
  return cookie
}
