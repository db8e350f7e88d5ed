// The person's own calendar feed: a read-only link to subscribe to (shown once, when made), replaced or
// revoked with plain forms, and the public calendar beside it.
import { Form } from '@remix-run/react'
import { useT } from '~/i18n/use-t'

export function CalendarFeed({
  feed,
  feedUrl,
  revoked,
}: {
  /** the live feed, if any */
  feed: { createdAt: Date; lastUsedAt: Date | null } | null
  /** the link just made: only the hash of its token is kept, so it is never shown again */
  feedUrl: string | undefined
  revoked: boolean
}) {
  const { t, date } = useT()
  return (
    <section aria-labelledby="calendar-feed" className="card meetings-feed">
      <h2 id="calendar-feed">{t('meetings.feed.title')}</h2>
      <p>{t('meetings.feed.intro')}</p>
      {feedUrl ? (
        <div className="alert ok" role="status">
          <p>{t('meetings.feed.created')}</p>
          <p className="token-box mono">{feedUrl}</p>
        </div>
      ) : revoked ? (
        <p className="alert info" role="status">
          {t('meetings.feed.revoked')}
        </p>
      ) : null}
      <p className="small">
        {feed
          ? t('meetings.feed.active', {
              created: date(feed.createdAt, 'date'),
              used: feed.lastUsedAt ? date(feed.lastUsedAt, 'datetime') : t('meetings.feed.never'),
            })
          : t('meetings.feed.none')}
      </p>
      <Form method="post" className="meetings-row-actions">
        <button type="submit" name="intent" value="createFeed">
          {feed ? t('meetings.feed.replace') : t('meetings.feed.create')}
        </button>
        {feed ? (
          <button type="submit" name="intent" value="revokeFeed" className="danger">
            {t('meetings.feed.revoke')}
          </button>
        ) : null}
      </Form>
      <p className="small">
        {t('meetings.feed.public')} <a href="/calendar.ics">/calendar.ics</a>
      </p>
    </section>
  )
}
