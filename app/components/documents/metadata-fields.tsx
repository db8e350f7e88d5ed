// The fields a document's metadata has wherever it is written: the upload page and the edit form of
// the document's page.
import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from '@conform-to/react'
import { Field, FieldErrors } from '~/components/forms'
import { useT } from '~/i18n/use-t'
import { zoneLabel } from '~/i18n/zones'
import { DOCUMENT_KINDS, type Visibility } from '~/modules/documents/constants'

export type MetadataName =
  | 'kind'
  | 'visibility'
  | 'group'
  | 'documentDate'
  | 'description'
  | 'tags'
  | 'embargoUntil'
type TextField = FieldMetadata<string | undefined>

export interface GroupOption {
  slug: string
  nameEs: string
  nameEn: string
}

/**
 * Kind, audience (visibility and working group), date, description, tags and embargo. `errorsOf` gives
 * a field's messages (by default the form's own; the upload page puts the API's first).
 */
export function DocumentMetadataFields({
  fields,
  visibilities,
  groups,
  errorsOf = (name) => fields[name].errors,
  timeZone,
  embargoAt,
}: {
  fields: Record<MetadataName, TextField>
  visibilities: readonly Visibility[]
  groups: readonly GroupOption[]
  errorsOf?: (name: MetadataName) => string[] | undefined
  /** the zone the embargo is entered in (the person's) */
  timeZone: string
  /** the embargo now set, for the zone's offset at that moment */
  embargoAt?: Date | string | null
}) {
  const tr = useT()
  const { t, lang } = tr
  const visibilityErrors = errorsOf('visibility')
  const visibilityErrorId = `${fields.visibility.id}-error`
  return (
    <>
      <Field id={fields.kind.id} label={t('documents.field.kind')} errors={errorsOf('kind')}>
        {(ids) => (
          <select {...getSelectProps(fields.kind)} aria-describedby={ids.describedBy} required>
            <option value="">—</option>
            {DOCUMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`documents.kind.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset
        className="documents-fieldset"
        aria-describedby={visibilityErrors?.length ? visibilityErrorId : undefined}
      >
        <legend className="label">{t('documents.field.visibility')}</legend>
        {visibilities.map((v) => (
          <div key={v} className="documents-radio">
            <input
              type="radio"
              id={`${fields.visibility.id}-${v}`}
              name={fields.visibility.name}
              value={v}
              defaultChecked={(fields.visibility.initialValue ?? 'participants') === v}
            />
            <label htmlFor={`${fields.visibility.id}-${v}`}>
              {t(`documents.visibility.${v}`)}{' '}
              <span className="muted small">— {t(`documents.visibilityHint.${v}`)}</span>
            </label>
          </div>
        ))}
        <FieldErrors id={visibilityErrorId} errors={visibilityErrors} />
      </fieldset>
      <Field
        id={fields.group.id}
        label={t('documents.field.group')}
        hint={t('documents.field.groupHint')}
        errors={errorsOf('group')}
      >
        {(ids) => (
          <select {...getSelectProps(fields.group)} aria-describedby={ids.describedBy}>
            <option value="">{t('documents.field.groupNone')}</option>
            {groups.map((g) => (
              <option key={g.slug} value={g.slug}>
                {lang === 'es' ? g.nameEs : g.nameEn}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id={fields.documentDate.id}
        label={t('documents.field.documentDate')}
        hint={t('documents.field.documentDateHint')}
        errors={errorsOf('documentDate')}
      >
        {(ids) => (
          <input
            {...getInputProps(fields.documentDate, { type: 'date' })}
            aria-describedby={ids.describedBy}
          />
        )}
      </Field>
      <Field
        id={fields.description.id}
        label={t('documents.field.description')}
        errors={errorsOf('description')}
      >
        {(ids) => (
          <textarea {...getTextareaProps(fields.description)} rows={4} aria-describedby={ids.describedBy} />
        )}
      </Field>
      <Field
        id={fields.tags.id}
        label={t('documents.field.tags')}
        hint={t('documents.field.tagsHint')}
        errors={errorsOf('tags')}
      >
        {(ids) => (
          <input {...getInputProps(fields.tags, { type: 'text' })} aria-describedby={ids.describedBy} />
        )}
      </Field>
      <Field
        id={fields.embargoUntil.id}
        label={t('documents.field.embargoUntil', {
          zone: zoneLabel(tr, timeZone, embargoAt ? new Date(embargoAt) : null),
        })}
        hint={t('documents.field.embargoHint')}
        errors={errorsOf('embargoUntil')}
      >
        {(ids) => (
          <input
            {...getInputProps(fields.embargoUntil, { type: 'datetime-local' })}
            aria-describedby={ids.describedBy}
          />
        )}
      </Field>
    </>
  )
}
