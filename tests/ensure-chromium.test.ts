// `npm test` starts with scripts/ensure-chromium.mjs: what it decides on each kind of machine.
import { describe, expect, it } from 'vitest'
import { plan } from '../scripts/ensure-chromium.mjs'

const only =
  (...files: string[]) =>
  (p: string) =>
    files.includes(p)

describe('ensure-chromium', () => {
  it("uses Debian's Chromium when it is installed", () => {
    expect(plan({ env: {}, exists: only('/usr/bin/chromium'), isRoot: false, hasApt: true })).toEqual({
      action: 'found',
      path: '/usr/bin/chromium',
    })
  })

  it('uses CHROMIUM_PATH first', () => {
    const env = { CHROMIUM_PATH: '/opt/chrome/chrome' }
    const exists = only('/opt/chrome/chrome', '/usr/bin/chromium')
    expect(plan({ env, exists, isRoot: true, hasApt: true })).toEqual({
      action: 'found',
      path: '/opt/chrome/chrome',
    })
  })

  it('installs through apt-get when none is found and it runs as root', () => {
    expect(plan({ env: {}, exists: only(), isRoot: true, hasApt: true })).toEqual({ action: 'install' })
  })

  it('stops with the one command to run when it may not install', () => {
    for (const machine of [
      { isRoot: false, hasApt: true },
      { isRoot: true, hasApt: false },
    ]) {
      const step = plan({ env: {}, exists: only(), ...machine })
      expect(step).toEqual({
        action: 'stop',
        message: expect.stringContaining('apt-get install -y chromium'),
      })
    }
  })

  it('never replaces a CHROMIUM_PATH that names no file', () => {
    const step = plan({
      env: { CHROMIUM_PATH: '/nowhere/chromium' },
      exists: only('/usr/bin/chromium'),
      isRoot: true,
      hasApt: true,
    })
    expect(step).toEqual({ action: 'stop', message: expect.stringContaining('/nowhere/chromium') })
  })
})
