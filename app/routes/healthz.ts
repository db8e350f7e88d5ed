import { checkDatabase } from '~/modules/health.server'

export async function loader() {
  const ok = checkDatabase()
  return Response.json({ ok }, { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } })
}
