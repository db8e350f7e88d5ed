import path from 'node:path'
import { defineConfig } from '@playwright/test'
import { findChromium, INSTALL_COMMAND } from './scripts/chromium.mjs'

const PORT = Number(process.env.E2E_PORT ?? 3217)
export const E2E_DATA_DIR = path.resolve('tests/.tmp/e2e-data')
const origin = `http://localhost:${PORT}`

// Debian's Chromium (or CHROMIUM_PATH); `npm test` installs it first when it can (scripts/ensure-chromium.mjs).
function chromium(): string {
  const found = findChromium()
  if (!found)
    throw new Error(
      `No Chromium found. Run \`${INSTALL_COMMAND}\` or set CHROMIUM_PATH to a Chromium binary.`,
    )
  return found
}

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  timeout: 30_000,
  use: {
    baseURL: origin,
    locale: 'es-ES',
    launchOptions: {
      executablePath: chromium(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    trace: 'off',
  },
  webServer: {
    // exec so that stopping the server stops node itself (no npx in between).
    command: `rm -rf "${E2E_DATA_DIR}" && exec node server.mjs`,
    url: `${origin}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(PORT),
      DATA_DIR: E2E_DATA_DIR,
      APP_ORIGIN: origin,
      NODE_ENV: 'production',
      DEMO_DATA: 'on',
      // one process (tests/e2e/cluster.spec.ts starts a cluster of its own)
      WEB_CONCURRENCY: '1',
      // written procedures close within seconds of their deadline (tests/e2e/procedures.spec.ts)
      PROCEDURE_CHECK_SECONDS: '2',
    },
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
