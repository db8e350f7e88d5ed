import path from 'node:path'

// One folder per test run (set once in vitest.config.ts and inherited by the workers), so that runs
// started side by side do not share files.
export const TMP = process.env.RCM_TEST_TMP ?? path.resolve('tests/.tmp/run-local')
/** A migrated, empty database built once per run. */
export const EMPTY_TEMPLATE = path.join(TMP, 'template-empty.db')
/** A migrated database with the demo data, built once per run. */
export const DEMO_TEMPLATE = path.join(TMP, 'template-demo.db')
