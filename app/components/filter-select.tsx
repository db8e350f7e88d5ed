// One filter of a list's GET form: a labelled choice, with "any" first when the filter may be left out.
import type { ReactNode } from 'react'

export function FilterSelect({
  id,
  name,
  label,
  value,
  any,
  children,
}: {
  id: string
  name: string
  label: string
  /** the value the list is filtered by now */
  value: string
  /** the label of the empty choice (no filter); none: a value is always chosen */
  any?: string
  /** the options */
  children: ReactNode
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value}>
        {any === undefined ? null : <option value="">{any}</option>}
        {children}
      </select>
    </div>
  )
}
