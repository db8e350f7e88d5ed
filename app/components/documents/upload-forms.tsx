// The document page's two upload forms: a new version, and a translation of a version. Without
// JavaScript they post to the page's action; with it, the progress-bar uploader sends them to the API
// and shows its messages at the same fields.
import {
  getFormProps,
  getSelectProps,
  getTextareaProps,
  type FieldMetadata,
  type FormMetadata,
  type SubmissionResult,
} from '@conform-to/react'
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { Field, FormErrors } from '~/components/forms'
import { useUploadForm } from '~/components/upload-progress'
import { useT } from '~/i18n/use-t'
import { FILE_LANGUAGES, ORIGINAL_LANGUAGES } from '~/modules/documents/constants'
import { FileAndSubmit } from './file-and-submit'

type Result = SubmissionResult<string[]> | undefined

interface DocumentForUpload {
  id: string
  originalLanguage: string
  currentVersion: number
}

const uploaded = (id: string, what = '1') => `/documents/${id}?uploaded=${what}`

/** A section with its heading and hint around a multipart form that names its intent. */
function UploadSection({
  form,
  intent,
  title,
  hint,
  children,
}: {
  form: FormMetadata<Record<string, unknown>>
  intent: 'version' | 'translation'
  title: string
  hint: string
  children: ReactNode
}) {
  return (
    <section aria-labelledby={`${form.id}-heading`}>
      <h2 id={`${form.id}-heading`}>{title}</h2>
      <p className="small muted">{hint}</p>
      <FormErrors errors={form.errors} />
      <Form method="post" encType="multipart/form-data" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value={intent} />
        {children}
      </Form>
    </section>
  )
}

/** The language of the uploaded file, the same field on every upload form: an original (a new
 * document, a new version) is in a working language, Spanish or English; a translation may also be in
 * French or Portuguese. The hint says so. `required` offers no default. */
export function LanguageField({
  field,
  errors,
  required = false,
  of,
}: {
  field: FieldMetadata<string | undefined>
  errors: string[] | undefined
  required?: boolean
  of: 'original' | 'translation'
}) {
  const { t } = useT()
  const languages = of === 'original' ? ORIGINAL_LANGUAGES : FILE_LANGUAGES
  return (
    <Field
      id={field.id}
      label={t('documents.field.language')}
      hint={t(
        of === 'original'
          ? 'documents.field.languageOriginalHint'
          : 'documents.field.languageTranslationHint',
      )}
      errors={errors}
    >
      {(ids) => (
        <select {...getSelectProps(field)} aria-describedby={ids.describedBy} required={required}>
          {required ? <option value="">—</option> : null}
          {languages.map((l) => (
            <option key={l} value={l}>
              {t(`documents.lang.${l}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}

export function NewVersionForm({
  doc,
  maxMb,
  lastResult,
}: {
  doc: DocumentForUpload
  maxMb: number
  lastResult: Result
}) {
  const { t } = useT()
  const { upload, form, fields, errorsOf } = useUploadForm<{
    note?: string
    language?: string
    file?: string
  }>(
    { endpoint: () => `/api/v1/documents/${doc.id}/versions`, next: () => uploaded(doc.id) },
    { id: 'new-version', lastResult, defaultValue: { language: doc.originalLanguage } },
  )
  return (
    <UploadSection
      form={form}
      intent="version"
      title={t('documents.newVersion')}
      hint={t('documents.newVersionHint')}
    >
      <Field id={fields.note.id} label={t('documents.field.note')} errors={errorsOf('note')}>
        {(ids) => <textarea {...getTextareaProps(fields.note)} rows={2} aria-describedby={ids.describedBy} />}
      </Field>
      <LanguageField field={fields.language} errors={errorsOf('language')} of="original" />
      <FileAndSubmit
        id={fields.file.id}
        maxMb={maxMb}
        errors={errorsOf('file')}
        upload={upload}
        submitLabel={t('documents.submit.version')}
      />
    </UploadSection>
  )
}

export function TranslationForm({
  doc,
  versions,
  maxMb,
  lastResult,
}: {
  doc: DocumentForUpload
  versions: readonly { number: number }[]
  maxMb: number
  lastResult: Result
}) {
  const { t } = useT()
  const { upload, form, fields, errorsOf } = useUploadForm<{
    version?: string
    language?: string
    file?: string
  }>(
    {
      endpoint: (form) =>
        `/api/v1/documents/${doc.id}/versions/${encodeURIComponent(String(new FormData(form).get('version') ?? ''))}/files`,
      next: () => uploaded(doc.id, 'translation'),
    },
    { id: 'new-translation', lastResult, defaultValue: { version: String(doc.currentVersion) } },
  )
  return (
    <UploadSection
      form={form}
      intent="translation"
      title={t('documents.addTranslation')}
      hint={t('documents.addTranslationHint')}
    >
      <Field id={fields.version.id} label={t('documents.field.version')} errors={errorsOf('version')}>
        {(ids) => (
          <select {...getSelectProps(fields.version)} aria-describedby={ids.describedBy}>
            {versions.map((v) => (
              <option key={v.number} value={String(v.number)}>
                {t('documents.version', { number: v.number })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <LanguageField field={fields.language} errors={errorsOf('language')} of="translation" required />
      <FileAndSubmit
        id={fields.file.id}
        maxMb={maxMb}
        errors={errorsOf('file')}
        upload={upload}
        submitLabel={t('documents.submit.translation')}
      />
    </UploadSection>
  )
}
