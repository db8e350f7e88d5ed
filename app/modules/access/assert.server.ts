import { data } from '@remix-run/node'
import { audit } from '~/modules/audit/audit.server'
import { can, type Action, type Actions, type Subject } from './can'

/** Throws 401 for the signed-out and 403 (recorded in the audit log) for the refused. */
export function assertCan<A extends Action>(
  viewer: Subject,
  action: A,
  ...resource: Actions[A] extends undefined ? [] : [Actions[A]]
): void {
  if (can(viewer, action, ...resource)) return
  if (!viewer) throw data({ error: { code: 'unauthenticated', message: 'Sign in first.' } }, { status: 401 })
  audit({
    actor: viewer,
    action,
    outcome: 'refused',
    details: resource[0] ? { resource: resource[0] } : undefined,
  })
  throw data({ error: { code: 'forbidden', message: 'Not allowed.' } }, { status: 403 })
}
