import path from 'node:path'

export const TMP = path.resolve('tests/.tmp')
/** A migrated, empty database built once per run. */
export const EMPTY_TEMPLATE = path.join(TMP, 'template-empty.db')
/** A migrated database with the demo data, built once per run. */
export const DEMO_TEMPLATE = path.join(TMP, 'template-demo.db')
