import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useT } from '~/i18n/use-t'
import { getViewer } from '~/modules/auth/viewer.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = getViewer(request)
  return { signedIn: Boolean(viewer), name: viewer?.name ?? null }
}

export default function Dashboard() {
  const { signedIn, name } = useLoaderData<typeof loader>()
  const { t } = useT()
  return (
    <>
      <h1>{t('nav.dashboard')}</h1>
      {signedIn ? <p>{name}</p> : <Link to="/login">{t('nav.signIn')}</Link>}
    </>
  )
}
