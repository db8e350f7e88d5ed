/**
 * The library's part of the periodic sweep: orphaned and stale temporary files go, text extractions
 * interrupted by a restart are finished. A failure is logged, never thrown at the sweep.
 */
import { resumePendingExtractions } from './extraction.server'
import { sweepOrphans } from './storage.server'

export function sweepDocumentStorage(): Promise<unknown> {
  return Promise.all([sweepOrphans(), resumePendingExtractions()]).catch((e) =>
    console.error('document storage sweep failed', e),
  )
}
