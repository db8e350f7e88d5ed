import { getInputProps, type FieldMetadata } from '@conform-to/react'
import type { InputHTMLAttributes, ReactNode } from 'react'
import { Field } from './forms'

/** A labelled input of a conform form, with its hint and errors linked for screen readers. Other input
 * attributes (autoComplete, required...) are passed on. */
export function InputField({
  field,
  type,
  label,
  hint,
  ...input
}: {
  field: FieldMetadata<string>
  type: 'text' | 'email' | 'password' | 'tel'
  label: ReactNode
  hint?: ReactNode
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'id' | 'name' | 'defaultValue' | 'form'>) {
  return (
    <Field id={field.id} label={label} hint={hint} errors={field.errors}>
      {({ describedBy }) => (
        <input {...getInputProps(field, { type })} {...input} aria-describedby={describedBy} />
      )}
    </Field>
  )
}
