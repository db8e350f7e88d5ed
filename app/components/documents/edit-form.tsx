// The details of a document, changed from its page (a plain form posting to the page's action).
import { getFormProps, getInputProps, useForm, type SubmissionResult } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { Field, FormErrors } from '~/components/forms'
import { useT } from '~/i18n/use-t'
import type { DocumentKind, Visibility } from '~/modules/documents/constants'
import { utcToZoned } from '~/modules/meetings/time'
import { DocumentMetadataFields, type GroupOption, type MetadataName } from './metadata-fields'

export interface EditableDocument {
  /** the details' revision as loaded now: a save after a conflict is based on what the page shows */
  revision: number
  titleEs: string | null
  titleEn: string | null
  kind: DocumentKind
  visibility: Visibility
  group: GroupOption | null
  description: string | null
  documentDate: string | null
  embargoUntil: Date | string | null
  tags: string[]
}

/** `2026-03-01T09:00` for a datetime-local input, in the person's zone like the label says. */
export const forDateTimeInput = (d: Date | string | null, timeZone: string) =>
  d ? utcToZoned(new Date(d), timeZone) : undefined

/** `options`: the visibilities and groups the viewer may publish to; the document's own stay offered. */
export function EditDocumentForm({
  doc,
  options,
  lastResult,
  timeZone,
}: {
  doc: EditableDocument
  timeZone: string
  options: { visibilities: readonly Visibility[]; groups: readonly GroupOption[] }
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const { t } = useT()
  const [form, fields] = useForm<Partial<Record<'titleEs' | 'titleEn' | MetadataName, string>>>({
    id: 'edit-document',
    lastResult,
    defaultValue: {
      titleEs: doc.titleEs ?? undefined,
      titleEn: doc.titleEn ?? undefined,
      kind: doc.kind,
      visibility: doc.visibility,
      group: doc.group?.slug,
      description: doc.description ?? undefined,
      documentDate: doc.documentDate ?? undefined,
      embargoUntil: forDateTimeInput(doc.embargoUntil, timeZone),
      tags: doc.tags.join(', '),
    },
  })
  const visibilities = [...new Set([doc.visibility, ...options.visibilities])]
  const groups = [...options.groups]
  if (doc.group && !groups.some((g) => g.slug === doc.group!.slug)) groups.push(doc.group)
  return (
    <section aria-labelledby="edit-heading">
      <details open={Boolean(lastResult)}>
        <summary>
          <h2 id="edit-heading" className="documents-inline-heading">
            {t('documents.edit')}
          </h2>
        </summary>
        <FormErrors errors={form.errors} />
        <Form method="post" className="stack" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="edit" />
          <input type="hidden" name="revision" value={doc.revision} />
          {(['titleEs', 'titleEn'] as const).map((name) => (
            <Field
              key={name}
              id={fields[name].id}
              label={t(`documents.field.${name}`)}
              errors={fields[name].errors}
            >
              {(ids) => (
                <input
                  {...getInputProps(fields[name], { type: 'text' })}
                  lang={name === 'titleEs' ? 'es' : 'en'}
                  aria-describedby={ids.describedBy}
                />
              )}
            </Field>
          ))}
          <DocumentMetadataFields
            fields={fields}
            visibilities={visibilities}
            groups={groups}
            timeZone={timeZone}
            embargoAt={doc.embargoUntil}
          />
          <div>
            <button type="submit">{t('documents.submit.save')}</button>
          </div>
        </Form>
      </details>
    </section>
  )
}
