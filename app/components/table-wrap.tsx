// A wide table's own scroll box: on a phone the table scrolls inside it instead of widening the page.
// The box is a labelled region that takes the focus (role="region", aria-label, tabIndex=0), so that
// people using a keyboard can scroll it and screen readers announce what it holds (WCAG 2.1.1, 1.3.1).
import type { ReactNode } from 'react'

export function TableWrap({
  label,
  className,
  children,
}: {
  /** what the table shows, in the page's language (often its caption) */
  label: string
  className?: string
  children: ReactNode
}) {
  return (
    <div
      className={className ? `table-wrap ${className}` : 'table-wrap'}
      role="region"
      aria-label={label}
      tabIndex={0}
    >
      {children}
    </div>
  )
}
