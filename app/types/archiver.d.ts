// The part of archiver 5 (CommonJS, no bundled types) that the portal uses.
declare module 'archiver' {
  import type { Readable, Transform } from 'node:stream'
  interface EntryData {
    name: string
    store?: boolean
    date?: Date
  }
  interface Archiver extends Transform {
    append(source: Readable | Buffer | string, data: EntryData): this
    file(filepath: string, data: EntryData): this
    finalize(): Promise<void>
    abort(): this
    pointer(): number
  }
  function archiver(format: 'zip', options?: { zlib?: { level?: number }; store?: boolean }): Archiver
  export default archiver
}
