// The filters the meetings list and the decisions register share: the kind of meeting and the year.
import { useT } from '~/i18n/use-t'
import { MEETING_KINDS, type MeetingKind } from '~/modules/meetings/constants'
import { FilterSelect } from './filter-select'

export function KindAndYearFilters({
  idPrefix,
  kind,
  year,
  years,
}: {
  /** keeps the ids of the controls unique on the page */
  idPrefix: string
  kind: MeetingKind | undefined
  year: number | undefined
  /** the years that have meetings the viewer may see */
  years: number[]
}) {
  const { t } = useT()
  return (
    <>
      <FilterSelect
        id={`${idPrefix}-kind`}
        name="kind"
        label={t('meetings.field.kind')}
        any={t('meetings.filter.all')}
        value={kind}
        options={MEETING_KINDS.map((k) => ({ value: k, label: t(`meetings.kind.${k}`) }))}
      />
      <FilterSelect
        id={`${idPrefix}-year`}
        name="year"
        label={t('meetings.filter.year')}
        any={t('meetings.filter.all')}
        value={year}
        options={years.map((y) => ({ value: y, label: String(y) }))}
      />
    </>
  )
}
