// Where the end-to-end tests find Chromium: CHROMIUM_PATH, else Debian's package. Playwright's own
// browser download is not used (these machines cannot reach it). Shared by playwright.config.ts and
// scripts/ensure-chromium.mjs.
import fs from 'node:fs'

export const DEBIAN_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser']
export const INSTALL_COMMAND = 'apt-get install -y chromium fonts-liberation'

/**
 * The Chromium binary to use, or null. A CHROMIUM_PATH that names no file is never replaced by another.
 * @param {Record<string, string | undefined>} [env]
 * @param {(path: string) => boolean} [exists]
 * @returns {string | null}
 */
export function findChromium(env = process.env, exists = fs.existsSync) {
  if (env.CHROMIUM_PATH) return exists(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null
  return DEBIAN_PATHS.find((p) => exists(p)) ?? null
}
