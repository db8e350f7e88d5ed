// The form that starts a plan from a Word document, and the summary of an import. Without JavaScript
// the form posts to its page's action, which answers with the summary (or the refusal at its field);
// with JavaScript it is sent with XMLHttpRequest to /plans/import.json so that the upload shows its
// progress, and the same summary or refusal is shown in place.
import { useState, type FormEvent } from 'react'
import { Form } from '@remix-run/react'
import { Field, FormErrors } from '~/components/forms'
import { replyErrors, replyValue, type Reply } from '~/components/form-reply'
import { UploadProgress, type ProgressUploadState } from '~/components/upload-progress'
import { useT } from '~/i18n/use-t'

export interface ImportSummaryView {
  planId: string
  sections: number
  warnings: string[]
  filename: string
}

export function ImportSummary({ summary }: { summary: ImportSummaryView }) {
  const { t } = useT()
  return (
    <div className="alert ok plan-word-summary" role="status">
      <p>{t('planWord.import.done', { count: summary.sections, file: summary.filename })}</p>
      {summary.warnings.length ? (
        <>
          <p>{t('planWord.import.warnings')}</p>
          <ul className="small">
            {summary.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <a href={`/plans/${summary.planId}`}>{t('planWord.import.open')}</a>
      </p>
    </div>
  )
}

export function PlanImportForm({
  planId,
  groups,
  maxMb,
  maxSections,
  reply,
}: {
  /** an existing plan without sections; none: a new plan of one of `groups` */
  planId?: string
  groups?: { id: string; name: string }[]
  maxMb: number
  maxSections: number
  reply?: Reply
}) {
  const { t, lang } = useT()
  const [state, setState] = useState<ProgressUploadState>({ progress: null, errors: {}, formError: null })
  const [summary, setSummary] = useState<ImportSummaryView | null>(null)
  const errorsOf = (name: string) => state.errors[name] ?? replyErrors(reply, name)

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (typeof XMLHttpRequest === 'undefined') return
    event.preventDefault()
    const form = event.currentTarget
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `/plans/import.json${planId ? `?plan=${encodeURIComponent(planId)}` : ''}`)
    xhr.responseType = 'json'
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable)
        setState((s) => ({ ...s, progress: Math.min(100, Math.round((e.loaded * 100) / e.total)) }))
    }
    xhr.onload = () => {
      const body = xhr.response as
        | (ImportSummaryView & { error?: undefined })
        | { error?: { message?: string; fields?: Record<string, string[]> } }
        | null
      if (xhr.status === 201 && body && 'planId' in body) {
        setState({ progress: null, errors: {}, formError: null })
        setSummary(body)
        form.reset()
        return
      }
      if (xhr.status === 401) {
        window.location.assign(`/login?redirectTo=${encodeURIComponent(window.location.pathname)}`)
        return
      }
      const error = body && 'error' in body ? body.error : undefined
      const fields = { ...(error?.fields ?? {}) }
      const formLevel = fields['']
      delete fields['']
      setState({
        progress: null,
        errors: fields,
        formError:
          formLevel?.[0] ??
          (Object.keys(fields).length ? null : (error?.message ?? 'documents.uploadFailed')),
      })
    }
    xhr.onerror = () => setState({ progress: null, errors: {}, formError: 'documents.uploadFailed' })
    setState({ progress: 0, errors: {}, formError: null })
    setSummary(null)
    xhr.send(new FormData(form))
  }

  const id = planId ? `import-${planId}` : 'import-new'
  return (
    <>
      {summary ? <ImportSummary summary={summary} /> : null}
      <FormErrors errors={replyErrors(reply, '')} />
      <Form method="post" encType="multipart/form-data" className="stack" onSubmit={onSubmit}>
        {groups ? (
          <>
            <Field id={`${id}-group`} label={t('planWord.import.field.group')} errors={errorsOf('group')}>
              {(ids) => (
                <select
                  id={ids.id}
                  name="group"
                  defaultValue={replyValue(reply, 'group')}
                  aria-describedby={ids.describedBy}
                  aria-invalid={ids.invalid || undefined}
                >
                  {groups.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={`${id}-title`} label={t('planWord.import.field.title')} errors={errorsOf('title')}>
              {(ids) => (
                <input
                  id={ids.id}
                  name="title"
                  type="text"
                  required
                  maxLength={300}
                  defaultValue={replyValue(reply, 'title')}
                  aria-describedby={ids.describedBy}
                  aria-invalid={ids.invalid || undefined}
                />
              )}
            </Field>
            <Field
              id={`${id}-language`}
              label={t('planWord.import.field.language')}
              errors={errorsOf('originalLanguage')}
            >
              {(ids) => (
                <select
                  id={ids.id}
                  name="originalLanguage"
                  defaultValue={replyValue(reply, 'originalLanguage') ?? lang}
                  aria-describedby={ids.describedBy}
                >
                  {(['es', 'en'] as const).map((l) => (
                    <option key={l} value={l}>
                      {t(`plans.lang.${l}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </>
        ) : null}
        <Field
          id={`${id}-file`}
          label={t('planWord.import.field.file')}
          hint={t('planWord.import.field.fileHint', { mb: maxMb, sections: maxSections })}
          errors={errorsOf('file')}
        >
          {(ids) => (
            <input
              type="file"
              id={ids.id}
              name="file"
              required
              accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              aria-describedby={ids.describedBy}
              aria-invalid={ids.invalid || undefined}
            />
          )}
        </Field>
        <UploadProgress state={state} />
        <div>
          <button type="submit" disabled={state.progress !== null}>
            {t('planWord.import.submit')}
          </button>
        </div>
      </Form>
    </>
  )
}
