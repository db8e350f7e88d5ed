// The end of every upload form: the file, the progress of its sending, the button.
import { Field } from '~/components/forms'
import { UploadProgress, type ProgressUploadState } from '~/components/upload-progress'
import { useT } from '~/i18n/use-t'

/** The file comes last in its form: the fields before it are read even when the file is refused, so
 * that what was typed is kept. */
export function FileAndSubmit({
  id,
  maxMb,
  errors,
  upload,
  submitLabel,
}: {
  id: string
  maxMb: number
  errors?: string[]
  upload: ProgressUploadState & { sending: boolean }
  submitLabel: string
}) {
  const { t } = useT()
  return (
    <>
      <Field
        id={id}
        label={t('documents.field.file')}
        hint={t('documents.field.fileHint', { mb: maxMb })}
        errors={errors}
      >
        {(ids) => (
          <input
            type="file"
            id={ids.id}
            name="file"
            required
            accept=".pdf,.docx,.xlsx,.pptx,.odt,.ods,.txt,.csv,.png,.jpg,.jpeg"
            aria-describedby={ids.describedBy}
            aria-invalid={ids.invalid || undefined}
          />
        )}
      </Field>
      <UploadProgress state={upload} />
      <div>
        <button type="submit" disabled={upload.sending}>
          {submitLabel}
        </button>
      </div>
    </>
  )
}
