import type { ReactNode } from 'react'
import { hasMessage } from '~/i18n'
import { useT } from '~/i18n/use-t'

/** Translates an error that is a message key; shows anything else as is. */
export function useErrorText() {
  const { t } = useT()
  return (e: string) => (hasMessage(e) ? t(e) : e)
}

export function FieldErrors({ id, errors }: { id: string; errors?: string[] | null }) {
  const text = useErrorText()
  if (!errors?.length) return null
  return (
    <p className="field-error" id={id}>
      {errors.map(text).join(' ')}
    </p>
  )
}

/** A labelled control with its hint and its errors, linked for screen readers. `children` receives the
 * ids to put on the control. */
export function Field({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string
  label: ReactNode
  hint?: ReactNode
  errors?: string[] | null
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode
}) {
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = errors?.length ? `${id}-error` : undefined
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {children({ id, describedBy, invalid: Boolean(errorId) })}
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  )
}

export function FormErrors({ errors }: { errors?: string[] | null }) {
  const text = useErrorText()
  if (!errors?.length) return null
  return (
    <div className="alert error" role="alert">
      {errors.map((e) => (
        <p key={e}>{text(e)}</p>
      ))}
    </div>
  )
}
