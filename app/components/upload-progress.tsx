import { useForm } from '@conform-to/react'
import { useState, type FormEvent } from 'react'
import { useErrorText } from '~/components/forms'
import { useT } from '~/i18n/use-t'

export interface ProgressUploadState {
  /** 0..100 while sending, null otherwise */
  progress: number | null
  /** field messages from the API (already in the person's language) */
  errors: Record<string, string[]>
  formError: string | null
}

/**
 * With JavaScript, a multipart form is sent with XMLHttpRequest to the JSON API so that the upload can
 * show its progress; the API answers 201 with the record (then we go to `next(record)`) or an error with
 * field messages shown at the fields. Without JavaScript nothing here runs and the form posts normally
 * to the page's action, which gives the same answers.
 */
export function useProgressUpload({
  endpoint,
  next,
  prepare,
}: {
  endpoint: (form: HTMLFormElement) => string
  next: (record: { id?: string; documentId?: string }) => string
  /** changes the fields before they go to the API (e.g. a local time made UTC) */
  prepare?: (fields: FormData) => void
}) {
  const [state, setState] = useState<ProgressUploadState>({ progress: null, errors: {}, formError: null })

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (event.defaultPrevented || typeof XMLHttpRequest === 'undefined') return
    const form = event.currentTarget
    event.preventDefault()
    const xhr = new XMLHttpRequest()
    xhr.open('POST', endpoint(form))
    xhr.responseType = 'json'
    xhr.setRequestHeader('Accept', 'application/json')
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) {
        setState((s) => ({ ...s, progress: Math.min(100, Math.round((e.loaded * 100) / e.total)) }))
      }
    }
    xhr.onload = () => {
      const body = xhr.response as {
        id?: string
        documentId?: string
        error?: { message?: string; fields?: Record<string, string[]> }
      } | null
      if (xhr.status === 201 && body) {
        window.location.assign(next(body))
        return
      }
      if (xhr.status === 401) {
        window.location.assign(`/login?redirectTo=${encodeURIComponent(window.location.pathname)}`)
        return
      }
      const fields = body?.error?.fields ?? {}
      setState({
        progress: null,
        errors: fields,
        formError: Object.keys(fields).length ? null : (body?.error?.message ?? 'documents.uploadFailed'),
      })
    }
    xhr.onerror = () => setState({ progress: null, errors: {}, formError: 'documents.uploadFailed' })
    setState({ progress: 0, errors: {}, formError: null })
    const fields = new FormData(form)
    prepare?.(fields)
    xhr.send(fields)
  }

  return { ...state, sending: state.progress !== null, onSubmit }
}

/** The progress bar and its spoken status; renders nothing when no upload is running. */
type UploadFormOptions<Shape extends Record<string, string | undefined>> = Omit<
  NonNullable<Parameters<typeof useForm<Shape>>[0]>,
  'onSubmit'
>

/** A conform form sent by `useProgressUpload` when JavaScript runs: the errors of a field are the API's
 * when it answered, else the server-rendered ones. */
export function useUploadForm<Shape extends Record<string, string | undefined>>(
  send: Parameters<typeof useProgressUpload>[0],
  options: UploadFormOptions<Shape>,
) {
  const upload = useProgressUpload(send)
  const [form, fields] = useForm<Shape>({ ...options, onSubmit: (event) => upload.onSubmit(event) })
  const errorsOf = (name: keyof typeof fields) => upload.errors[name as string] ?? fields[name].errors
  return { upload, form, fields, errorsOf }
}

export function UploadProgress({ state }: { state: ProgressUploadState }) {
  const { t } = useT()
  const text = useErrorText()
  return (
    <div role="status" aria-live="polite" className="documents-progress">
      {state.progress !== null ? (
        <>
          <progress
            max={100}
            value={state.progress}
            aria-label={t('documents.uploading', { percent: state.progress })}
          >
            {state.progress}%
          </progress>{' '}
          <span>{t('documents.uploading', { percent: state.progress })}</span>
        </>
      ) : null}
      {state.formError ? <p className="field-error">{text(state.formError)}</p> : null}
    </div>
  )
}
