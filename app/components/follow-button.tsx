// Follow or unfollow the record whose page this is: a plain form to /account/notifications (works
// without JavaScript), which comes back to this page. Following tells of the record's news only while
// the person may see it (decided when each notification is sent).
import { Form } from '@remix-run/react'
import type { MessageKey } from '~/i18n'
import { useT } from '~/i18n/use-t'
import type { FollowType } from '~/modules/notifications/constants'

export function FollowButton({
  recordType,
  recordId,
  following,
  back,
}: {
  recordType: FollowType
  recordId: string
  following: boolean
  /** the page's path and query (from its loader: followState) */
  back: string
}) {
  const { t } = useT()
  const what = t(`notifications.follow.type.${recordType}` as MessageKey)
  return (
    <Form method="post" action="/account/notifications" className="inline-form follow-form">
      <input type="hidden" name="intent" value={following ? 'unfollow' : 'follow'} />
      <input type="hidden" name="recordType" value={recordType} />
      <input type="hidden" name="recordId" value={recordId} />
      <input type="hidden" name="back" value={back} />
      <span className="small muted">
        {t(following ? 'notifications.follow.following' : 'notifications.follow.notFollowing', { what })}
      </span>{' '}
      <button type="submit" className="button small secondary">
        {t(following ? 'notifications.follow.unfollow' : 'notifications.follow.follow')}
      </button>
    </Form>
  )
}
