import type { LoaderFunctionArgs } from '@remix-run/node'
import { ComingSoon } from '~/components/coming-soon'
import { requireViewer } from '~/modules/auth/viewer.server'

export async function loader({ request }: LoaderFunctionArgs) {
  requireViewer(request)
  return null
}

export default function Page() {
  return <ComingSoon title="nav.actions" />
}
