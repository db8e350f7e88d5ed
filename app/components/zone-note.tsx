// "Horas indicadas: hora de Panamá (UTC−5)." above a list whose times are in the person's zone.
import { useT } from '~/i18n/use-t'
import { useZone } from '~/i18n/use-zone'
import { zoneLabel } from '~/i18n/zones'

export function ZoneNote() {
  const { t } = useT()
  const zone = useZone()
  return <p className="small muted">{t('zones.timesIn', { zone: zoneLabel({ t }, zone) })}</p>
}
