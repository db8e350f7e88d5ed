/**
 * The one call other services make: `notify(tx, event)` inside their write transaction records that
 * something happened (one row, no recipients yet). The dispatcher (dispatch.server.ts) decides later, off
 * the request, who is told, with the pages' own visibility rules at that moment
 * (docs/decisions/0033-mail-queue.md).
 */
import type { Tx } from '@db/client'
import { notificationEvents } from '@db/schema'
import type { NotificationKind, NotificationRecordType } from './constants'

export interface NotificationEvent {
  kind: NotificationKind
  recordType: NotificationRecordType
  recordId: string
  /** who caused it (never told of their own act) */
  actorId?: string | null
  /** what the audience needs beyond the record, e.g. { personId } of the comment replied to */
  params?: Record<string, string | number | null>
}

let kick: (() => void) | null = null
/** Set by the server's start-up: dispatch soon after a write (tests dispatch by hand). */
export function onNotify(fn: (() => void) | null) {
  kick = fn
}

export function notify(tx: Tx, event: NotificationEvent): void {
  tx.insert(notificationEvents)
    .values({
      kind: event.kind,
      recordType: event.recordType,
      recordId: event.recordId,
      actorId: event.actorId ?? null,
      params: JSON.stringify(event.params ?? {}),
    })
    .run()
  kick?.()
}
