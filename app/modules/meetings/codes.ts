// Stable references built from a meeting (client-safe): the code of its decisions.
import type { MeetingKind } from './schemas'
import { zonedDate } from './time'

export const KIND_CODES: Record<MeetingKind, string> = {
  vice_ministerial: 'VM',
  rcgm: 'RCGM',
  working_group: 'WG',
  workshop: 'WS',
  troika: 'TR',
  other: 'M',
}

/** XXVIII-VM/D.3; a meeting without a number is named by its local date: 2024-07-16-RCGM/D.1. */
export function decisionCode(
  meeting: { kind: MeetingKind; number: string | null; startsAt: Date; timeZone: string },
  n: number,
) {
  const prefix = meeting.number ?? zonedDate(meeting.startsAt, meeting.timeZone)
  return `${prefix}-${KIND_CODES[meeting.kind]}/D.${n}`
}
