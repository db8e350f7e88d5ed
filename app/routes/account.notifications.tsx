// /account/notifications — per kind of notification: an e-mail at once, a daily summary, or none; and
// what one follows (unfollow here). Plain forms, so it works without JavaScript.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import type { MessageKey } from '~/i18n'
import { titleMeta } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { safeReturnTo } from '~/modules/auth/return-to'
import { zoneLabel } from '~/i18n/zones'
import { requireViewer } from '~/modules/auth/viewer.server'
import { pageFailure } from '~/modules/core/form-reply.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import {
  DELIVERY_MODES,
  NOTIFICATION_KINDS,
  PREFERENCE_KINDS,
  type DeliveryMode,
  type NotificationKind,
} from '~/modules/notifications/constants'
import {
  follow,
  followsOf,
  isFollowType,
  isMode,
  preferencesOf,
  savePreferences,
  unfollow,
} from '~/modules/notifications/notifications.server'
import { zoneOfOrganization } from '~/modules/plans/round-time'

export const meta = titleMeta('notifications.prefs.title', 'account.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  return {
    modes: preferencesOf(viewer.id),
    follows: followsOf(viewer, lang),
    zone: zoneOfOrganization(viewer.organizationCode),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = requireViewer(request)
  const form = await request.formData()
  const intent = form.get('intent')
  try {
    if (intent === 'preferences') {
      const modes = {} as Record<NotificationKind, DeliveryMode>
      const invalid: string[] = []
      for (const kind of NOTIFICATION_KINDS) {
        const value = form.get(`mode.${kind}`) ?? 'immediate'
        if (isMode(value)) modes[kind] = value
        else invalid.push(kind)
      }
      if (invalid.length) return data({ invalid }, { status: 400 })
      savePreferences(viewer, modes)
      return redirect('/account/notifications?done=saved')
    }
    const type = form.get('recordType')
    const id = String(form.get('recordId') ?? '')
    if ((intent === 'follow' || intent === 'unfollow') && isFollowType(type) && id) {
      if (intent === 'follow') follow(viewer, type, id)
      else unfollow(viewer, type, id)
      // back to the page the button was on, when it is one of ours
      return redirect(safeReturnTo(form.get('back')) ?? '/account/notifications')
    }
  } catch (error) {
    pageFailure(error)
  }
  throw new Response(null, { status: 400 })
}

export default function NotificationPreferences() {
  const { modes, follows, zone } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [params] = useSearchParams()
  const { t } = useT()
  const invalid = new Set(result && 'invalid' in result ? result.invalid : [])
  return (
    <section className="account-section" aria-labelledby="notification-prefs">
      <h2 id="notification-prefs">{t('notifications.prefs.title')}</h2>
      {params.get('done') === 'saved' && !result ? (
        <p className="alert ok" role="status">
          {t('notifications.prefs.saved')}
        </p>
      ) : null}
      <p>{t('notifications.prefs.intro', { zone: zoneLabel({ t }, zone) })}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="preferences" />
        {PREFERENCE_KINDS.map((kind) => (
          <fieldset key={kind} aria-invalid={invalid.has(kind) || undefined}>
            <legend>{t(`notifications.kind.${kind}` as MessageKey)}</legend>
            {DELIVERY_MODES.map((mode) => (
              <label key={mode} className="inline-choice">
                <input
                  type="radio"
                  name={`mode.${kind}`}
                  value={mode}
                  defaultChecked={modes[kind] === mode}
                />{' '}
                {t(`notifications.prefs.mode.${mode}` as MessageKey)}
              </label>
            ))}
            {invalid.has(kind) ? <p className="field-error">{t('notifications.prefs.invalid')}</p> : null}
          </fieldset>
        ))}
        <p>{t('notifications.prefs.portalOnly')}</p>
        <button type="submit">{t('notifications.prefs.save')}</button>
      </Form>

      <h3>{t('notifications.prefs.follows')}</h3>
      <p>{t('notifications.prefs.followsIntro')}</p>
      {follows.length === 0 ? (
        <p className="muted">{t('notifications.prefs.noFollows')}</p>
      ) : (
        <ul>
          {follows.map((f) => (
            <li key={`${f.recordType}:${f.recordId}`}>
              {t(`notifications.prefs.followType.${f.recordType}` as MessageKey)}: {f.name}{' '}
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="unfollow" />
                <input type="hidden" name="recordType" value={f.recordType} />
                <input type="hidden" name="recordId" value={f.recordId} />
                <button type="submit" className="button-link small">
                  {t('notifications.prefs.unfollow', { title: f.name })}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
