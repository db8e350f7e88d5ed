// Fields of the small forms that have no useForm of their own (one per tab, several per page): each
// reads the action's conform reply, so that a refused form shows the message at its field and keeps what
// the person typed, with JavaScript or without.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react'
import { Field } from './forms'
import { replyErrors, replyValue, type Reply } from './form-reply'

interface ReplyFieldProps {
  /** the reply of the form this field belongs to (null when another form was sent) */
  reply: Reply
  id: string
  name: string
  label: ReactNode
  hint?: ReactNode
  /** shown when nothing was typed yet */
  defaultValue?: string
}

/** What every control of a reply field carries: its name, the value to show, the links to its hint and
 * errors. */
interface ControlProps {
  id: string
  name: string
  defaultValue: string | undefined
  'aria-describedby': string | undefined
  'aria-invalid': true | undefined
}

function ReplyField({
  reply,
  id,
  name,
  label,
  hint,
  defaultValue,
  control,
}: ReplyFieldProps & { control: (props: ControlProps) => ReactNode }) {
  return (
    <Field id={id} label={label} hint={hint} errors={replyErrors(reply, name)}>
      {(ids) =>
        control({
          id: ids.id,
          name,
          defaultValue: replyValue(reply, name) ?? defaultValue,
          'aria-describedby': ids.describedBy,
          'aria-invalid': ids.invalid || undefined,
        })
      }
    </Field>
  )
}

type Own = keyof ReplyFieldProps

/** A labelled input with its hint and errors (text unless `type` says otherwise). */
export function ReplyInput(props: ReplyFieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, Own>) {
  const { reply, id, name, label, hint, defaultValue, ...input } = props
  const field = { reply, id, name, label, hint, defaultValue }
  return <ReplyField {...field} control={(c) => <input type="text" {...input} {...c} />} />
}

/** A labelled textarea with its hint and errors. */
export function ReplyTextArea(
  props: ReplyFieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, Own>,
) {
  const { reply, id, name, label, hint, defaultValue, ...textarea } = props
  const field = { reply, id, name, label, hint, defaultValue }
  return <ReplyField {...field} control={(c) => <textarea {...textarea} {...c} />} />
}

/** A labelled select; `options` are value and label, in order, after the `blank` choice (no value:
 * none, top level...) when there is one. */
export function ReplySelect(
  props: ReplyFieldProps & { options: { value: string; label: string }[]; blank?: string } & Omit<
      SelectHTMLAttributes<HTMLSelectElement>,
      Own
    >,
) {
  const { reply, id, name, label, hint, defaultValue, options, blank, ...select } = props
  const field = {
    reply,
    id,
    name,
    label,
    hint,
    defaultValue: defaultValue ?? (blank === undefined ? undefined : ''),
  }
  return (
    <ReplyField
      {...field}
      control={(c) => (
        <select {...select} {...c}>
          {blank === undefined ? null : <option value="">{blank}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  )
}
