// Any address no other route answers: a 404 through the root route, so that its loader runs and the
// page keeps the signed-in header and the person's language (without this route Remix renders the root
// error page with no root data: a signed-out header in Spanish for everyone).
import { pageTitle } from '~/i18n/meta'

export const meta = pageTitle((t) => `${t('error.status', { status: '404' })} · ${t('app.name')}`)

export function loader(): never {
  throw new Response('Not Found', { status: 404 })
}

export default function NotFound() {
  return null
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
