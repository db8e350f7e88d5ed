import { useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'

/** A submit button, disabled while its own form is being sent. On a page with several forms told apart
 * by `intent`, the button carries it, and only the form being sent disables its button. */
export function SubmitButton({
  intent,
  className,
  children,
}: {
  intent?: string
  className?: string
  children: ReactNode
}) {
  const navigation = useNavigation()
  const busy =
    navigation.state === 'submitting' &&
    (intent === undefined || navigation.formData?.get('intent') === intent)
  return (
    <button
      type="submit"
      name={intent ? 'intent' : undefined}
      value={intent}
      className={className}
      disabled={busy}
    >
      {children}
    </button>
  )
}
