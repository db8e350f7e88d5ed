import { useRouteLoaderData } from '@remix-run/react'
import type { RootData } from '~/root'

/** The Executive Secretariat's address (CONTACT_EMAIL), as a mail link. */
export function ContactEmail() {
  const email = useRouteLoaderData<RootData>('root')?.contactEmail
  return email ? <a href={`mailto:${email}`}>{email}</a> : null
}

/** A message with an `{email}` placeholder, the address standing where the placeholder is. */
export function WithContactEmail({ text }: { text: string }) {
  const [before, after] = text.split('{email}')
  return (
    <>
      {before}
      <ContactEmail />
      {after ?? ''}
    </>
  )
}
