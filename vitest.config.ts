import path from 'node:path'
import { defineConfig } from 'vitest/config'

process.env.RCM_TEST_TMP ??= path.resolve('tests/.tmp', `vitest-${process.pid}`)

export default defineConfig({
  resolve: {
    alias: {
      '~': path.resolve('app'),
      '@db': path.resolve('db'),
    },
  },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    pool: 'forks',
    globalSetup: ['tests/helpers/global-setup.ts'],
    setupFiles: ['tests/helpers/setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
})
