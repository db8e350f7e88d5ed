#!/usr/bin/env node
// First step of `npm test` (and `npm run test:e2e`): make sure the end-to-end tests have a Chromium.
// Found (CHROMIUM_PATH or Debian's /usr/bin/chromium): nothing to do. Missing and running as root on a
// Debian-like system: install Debian's package through apt-get. Otherwise stop at once with the one
// command to run, instead of failing minutes later after the unit tests.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { findChromium, INSTALL_COMMAND } from './chromium.mjs'

/**
 * What to do, decided without side effects (tested in tests/ensure-chromium.test.ts).
 * @param {{ env?: Record<string, string | undefined>, exists?: (path: string) => boolean, isRoot: boolean, hasApt: boolean }} machine
 * @returns {{ action: 'found', path: string } | { action: 'install' } | { action: 'stop', message: string }}
 */
export function plan({ env = process.env, exists = fs.existsSync, isRoot, hasApt }) {
  const found = findChromium(env, exists)
  if (found) return { action: 'found', path: found }
  if (env.CHROMIUM_PATH) {
    return {
      action: 'stop',
      message: `CHROMIUM_PATH is ${env.CHROMIUM_PATH}, which does not exist. Point it at a Chromium binary, or unset it and run: sudo ${INSTALL_COMMAND}`,
    }
  }
  if (isRoot && hasApt) return { action: 'install' }
  return {
    action: 'stop',
    message: `The end-to-end tests need Chromium. Run: sudo ${INSTALL_COMMAND}   (or set CHROMIUM_PATH to a Chromium binary)`,
  }
}

function main() {
  const step = plan({
    isRoot: process.getuid?.() === 0,
    hasApt: fs.existsSync('/usr/bin/apt-get'),
  })
  if (step.action === 'found') return
  if (step.action === 'stop') {
    console.error(step.message)
    process.exit(1)
  }
  console.log('Installing Chromium (Debian package) for the end-to-end tests')
  const apt = (...args) =>
    execFileSync('apt-get', args, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    })
  apt('update', '-qq')
  apt('install', '-y', '-qq', 'chromium', 'fonts-liberation')
  if (!findChromium()) {
    console.error(`apt-get finished but no Chromium was found. Run: ${INSTALL_COMMAND}`)
    process.exit(1)
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === fs.realpathSync(process.argv[1])) main()
