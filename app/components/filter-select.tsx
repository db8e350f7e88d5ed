// One filter of a list's GET form: a labelled choice, with "any" first when the filter may be left out.
import type { ReactNode } from 'react'

export function FilterSelect({
  id,
  name,
  label,
  value,
  any,
  options,
  children,
}: {
  id: string
  name: string
  label: string
  /** the value the list is filtered by now (none: the empty choice) */
  value: string | number | undefined
  /** the label of the empty choice (no filter); none: a value is always chosen */
  any?: string
  /** the choices as value and label, in order */
  options?: readonly { value: string | number; label: string }[]
  /** or the choices as <option> elements */
  children?: ReactNode
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value === undefined ? '' : String(value)}>
        {any === undefined ? null : <option value="">{any}</option>}
        {options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {children}
      </select>
    </div>
  )
}
