// The time zone a person reads a round's deadline in (client-safe). People have no zone of their own:
// their organization's country decides (a national institution's code starts with its state's ISO code);
// agencies, networks and the secretariat read the times of the secretariat's seat (America/Costa_Rica,
// the zone action items' days are counted in). Stored instants stay UTC (docs/decisions/0012-times.md).
import type { TimeZone } from '~/modules/meetings/time'

const BY_COUNTRY: Record<string, TimeZone> = {
  BZ: 'America/Belize',
  CR: 'America/Costa_Rica',
  SV: 'America/El_Salvador',
  GT: 'America/Guatemala',
  HN: 'America/Tegucigalpa',
  MX: 'America/Mexico_City',
  NI: 'America/Managua',
  PA: 'America/Panama',
  DO: 'America/Santo_Domingo',
  CA: 'America/Toronto',
  US: 'America/New_York',
  CO: 'America/Bogota',
  PE: 'America/Lima',
  AR: 'America/Argentina/Buenos_Aires',
  JM: 'America/Jamaica',
  EC: 'America/Guayaquil',
}

export const SEAT_TIME_ZONE: TimeZone = 'America/Costa_Rica'

/** The zone of an organization code (e.g. 'PA', 'PA-SNM', 'IOM'). */
export function zoneOfOrganization(code: string): TimeZone {
  return BY_COUNTRY[code.split('-')[0]] ?? SEAT_TIME_ZONE
}

/** The time zone a person enters and reads times in (their organization's; docs/decisions/0038). */
export function zoneOfViewer(viewer: { organizationCode: string }): TimeZone {
  return zoneOfOrganization(viewer.organizationCode)
}
