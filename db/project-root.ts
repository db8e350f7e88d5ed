import fs from 'node:fs'
import path from 'node:path'

/** The project root: the nearest folder upwards from the working directory that has drizzle/meta.
 * Resolved from the working directory, not import.meta.url, because the server build is bundled. */
export function projectRoot(): string {
  let dir = process.cwd()
  for (;;) {
    if (fs.existsSync(path.join(dir, 'drizzle', 'meta', '_journal.json'))) return dir
    const up = path.dirname(dir)
    if (up === dir) return process.cwd()
    dir = up
  }
}

export const migrationsFolder = () => path.join(projectRoot(), 'drizzle')
