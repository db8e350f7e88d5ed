// The one confirmation step for destructive or final acts (server side: modules/core/confirm.server.ts).
// Without JavaScript the act's button posts the form as it is; the action answers the confirmation
// panel, rendered here in place of the form, and only its Confirm posts the same fields with
// `confirmed=yes`. With JavaScript the button opens a native <dialog> (focus moves into it and back,
// Escape cancels) and its Confirm posts the form with `confirmed=yes` directly.
import { Form, Link, useActionData, useLocation, useNavigation } from '@remix-run/react'
import { useEffect, useId, useRef, type ReactNode } from 'react'
import { useT } from '~/i18n/use-t'
import type { ConfirmationAsk } from '~/modules/core/confirm.server'

export interface ConfirmFormProps {
  intent: string
  /** unique on the page: which form the server's panel answers */
  confirmKey: string
  /** hidden fields of the act (ids, revision) */
  fields?: Record<string, string | number>
  /** the button's text and, when the text alone is ambiguous, its accessible name */
  label: string
  ariaLabel?: string
  className?: string
  /** the question, naming the record: "Delete the document «X»?" */
  title: string
  /** what will happen */
  text: string
  /** the confirming button's text: "Delete the document" */
  confirmLabel: string
  /** fields the person fills in before the act (a reason), rendered inside the form */
  children?: ReactNode
  formClassName?: string
  /** the action of another route; the current route's by default */
  action?: string
}

function askOf(data: unknown, key: string): ConfirmationAsk['confirmation'] | null {
  if (!data || typeof data !== 'object' || !('confirmation' in data)) return null
  const confirmation = (data as ConfirmationAsk).confirmation
  return confirmation?.key === key ? confirmation : null
}

/** Whether the server's confirmation panel for `confirmKey` is on this page: a closed <details> that
 * holds the form opens for it (not every browser opens one for the panel's anchor). */
export function useConfirmationAsked(confirmKey: string): boolean {
  return askOf(useActionData(), confirmKey) !== null
}

export function ConfirmForm(props: ConfirmFormProps) {
  const { intent, confirmKey, fields = {}, label, ariaLabel, className, children, formClassName } = props
  const actionData = useActionData()
  const ask = askOf(actionData, confirmKey)
  // no action: the route's own (Remix adds `?index` for an index route)
  const action = props.action
  const dialogRef = useRef<HTMLDialogElement>(null)
  const formRef = useRef<HTMLFormElement>(null)
  const confirmedRef = useRef<HTMLInputElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const cancelRef = useRef<HTMLButtonElement>(null)
  const titleId = useId()
  const textId = useId()
  const { t } = useT()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting' && navigation.formData?.get('confirmKey') === confirmKey

  if (ask) return <ConfirmPanel {...props} action={action} fields={ask.fields} />

  const open = (event: React.MouseEvent<HTMLButtonElement>) => {
    const dialog = dialogRef.current
    const form = formRef.current
    if (!dialog || typeof dialog.showModal !== 'function' || !form) return // no <dialog>: the server asks
    if (!form.reportValidity()) {
      event.preventDefault()
      return
    }
    event.preventDefault()
    dialog.showModal()
    // Cancel first, not the destructive button (an autofocus attribute here would also compete with
    // the panel's on a page that has one)
    cancelRef.current?.focus()
  }
  const confirm = () => {
    if (confirmedRef.current) confirmedRef.current.value = 'yes'
    dialogRef.current?.close()
    formRef.current?.requestSubmit(buttonRef.current ?? undefined)
  }

  return (
    <>
      <Form method="post" action={action} className={formClassName ?? 'inline-form'} ref={formRef}>
        <input type="hidden" name="confirmKey" value={confirmKey} />
        <input type="hidden" name="confirmed" value="" ref={confirmedRef} />
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        {children}
        <button
          type="submit"
          name="intent"
          value={intent}
          className={className ?? 'danger'}
          aria-label={ariaLabel}
          aria-haspopup="dialog"
          onClick={open}
          disabled={busy}
          ref={buttonRef}
        >
          {label}
        </button>
      </Form>
      <dialog ref={dialogRef} className="confirm-dialog" aria-labelledby={titleId} aria-describedby={textId}>
        <h2 id={titleId}>{props.title}</h2>
        <p id={textId}>{props.text}</p>
        <p className="confirm-buttons">
          <button
            type="button"
            className={className?.includes('secondary') ? undefined : 'danger'}
            onClick={confirm}
          >
            {props.confirmLabel}
          </button>{' '}
          <button
            type="button"
            className="secondary"
            onClick={() => dialogRef.current?.close()}
            ref={cancelRef}
          >
            {t('confirm.cancel')}
          </button>
        </p>
      </dialog>
    </>
  )
}

/** The server's step for a whole form whose values make the act final (a meeting whose status is set
 * to cancelled): the page shows it in place of the form when the action asked for `confirmKey`. */
export function AskedConfirmation(
  props: Pick<ConfirmFormProps, 'intent' | 'confirmKey' | 'title' | 'text' | 'confirmLabel' | 'action'>,
) {
  const ask = askOf(useActionData(), props.confirmKey)
  return ask ? <ConfirmPanel {...props} label={props.confirmLabel} fields={ask.fields} /> : null
}

/** The server-rendered step: what will happen, Confirm (the same fields again) and Cancel. */
function ConfirmPanel({
  intent,
  confirmKey,
  title,
  text,
  confirmLabel,
  action,
  fields,
}: Omit<ConfirmFormProps, 'fields'> & { fields: [string, string][] }) {
  const { t } = useT()
  const location = useLocation()
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => ref.current?.focus(), [])
  return (
    <div
      className="card confirm-panel"
      role="alertdialog"
      aria-labelledby={`confirm-${confirmKey}-title`}
      aria-describedby={`confirm-${confirmKey}-text`}
      id={`confirm-${confirmKey}`}
      tabIndex={-1}
      // without JavaScript the browser focuses the panel on load and scrolls to it (an answered post
      // lands at the top of the page); with it, the effect above does
      autoFocus
      ref={ref}
    >
      <h2 id={`confirm-${confirmKey}-title`}>{title}</h2>
      <p id={`confirm-${confirmKey}-text`}>{text}</p>
      <Form method="post" action={action} className="confirm-buttons">
        {fields
          .filter(([name]) => name !== 'intent' && name !== 'confirmed')
          .map(([name, value], i) => (
            <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
          ))}
        <input type="hidden" name="confirmed" value="yes" />
        <button type="submit" name="intent" value={intent} className="danger">
          {confirmLabel}
        </button>{' '}
        <Link to={`${location.pathname}${location.search}`} className="button secondary">
          {t('confirm.cancel')}
        </Link>
      </Form>
    </div>
  )
}
