// The minutes tab's pieces, per agenda item: its status, the editor (and, after a stale save, the text
// saved in the meantime beside the writer's own), the delegations' comments, the errata of adopted
// minutes and the history of saved texts with what each changed.
import { Form, Link } from '@remix-run/react'
import { useT } from '~/i18n/use-t'
import type { MinutesStatus } from '~/modules/meetings/constants'
import type {
  MinutesComment,
  MinutesConflictState,
  MinutesErratum,
  MinutesHistoryView,
} from '~/modules/meetings/views'
import type { Reply } from './form-reply'
import { ReplyTextArea } from './reply-fields'

const STATUS_CLASS: Record<MinutesStatus, string> = {
  draft: 'badge',
  circulated: 'badge warn',
  adopted: 'badge ok',
}

export function MinutesStatusBadge({ status }: { status: MinutesStatus }) {
  const { t } = useT()
  return <span className={STATUS_CLASS[status]}>{t(`meetings.minutes.status.${status}`)}</span>
}

/** The editor of one item's minutes. On a conflict it shows the current text beside the writer's, and
 * the next save is based on the current revision: nothing typed is lost. */
export function MinutesEditor({
  itemId,
  meetingId,
  minutes,
  conflict,
  reply,
}: {
  itemId: string
  meetingId: string
  minutes: { revision: number; text: string } | null
  conflict: MinutesConflictState | null
  reply: Reply
}) {
  const { t } = useT()
  return (
    <div className="card">
      {conflict ? (
        <div className="alert warn" role="alert">
          <p>{t('meetings.minutes.conflict', { revision: conflict.revision })}</p>
        </div>
      ) : null}
      <div className={conflict ? 'meetings-compare' : undefined}>
        {conflict ? (
          <div>
            <h4>{t('meetings.minutes.currentText', { revision: conflict.revision })}</h4>
            <pre className="meetings-current-text">{conflict.text}</pre>
          </div>
        ) : null}
        <Form method="post" className="stack meetings-editor" key={conflict ? `c${conflict.revision}` : 'e'}>
          <input type="hidden" name="agendaItemId" value={itemId} />
          <input
            type="hidden"
            name="baseRevision"
            value={conflict ? conflict.revision : (minutes?.revision ?? 0)}
          />
          <ReplyTextArea
            reply={reply}
            name="text"
            id={`text-${itemId}`}
            label={conflict ? t('meetings.minutes.yourText') : t('meetings.minutes.text')}
            hint={t('meetings.minutes.markdownHint')}
            rows={12}
            defaultValue={conflict ? conflict.yours : (minutes?.text ?? '')}
          />
          <div>
            <button type="submit" name="intent" value="save">
              {t('meetings.minutes.save')}
            </button>{' '}
            <Link to={`/meetings/${meetingId}/minutes#minutes-${itemId}`}>{t('common.cancel')}</Link>
          </div>
        </Form>
      </div>
    </div>
  )
}

/** A short Markdown text about one item: a delegation's comment, or an erratum of adopted minutes. */
export function NoteForm({
  itemId,
  intent,
  reply,
}: {
  itemId: string
  intent: 'comment' | 'erratum'
  reply: Reply
}) {
  const { t } = useT()
  const comment = intent === 'comment'
  return (
    <Form method="post" className="stack">
      <input type="hidden" name="agendaItemId" value={itemId} />
      <ReplyTextArea
        reply={reply}
        name="text"
        id={`${intent}-${itemId}`}
        label={comment ? t('meetings.minutes.commentLabel') : t('meetings.minutes.erratumLabel')}
        hint={comment ? t('meetings.minutes.markdownHint') : undefined}
        rows={comment ? 4 : 3}
        required
      />
      <div>
        <button type="submit" name="intent" value={intent}>
          {comment ? t('meetings.minutes.sendComment') : t('meetings.minutes.recordErratum')}
        </button>
      </div>
    </Form>
  )
}

export function MinutesComments({ comments, timeZone }: { comments: MinutesComment[]; timeZone: string }) {
  const { t, date } = useT()
  if (!comments.length) return null
  return (
    <>
      <h4>{t('meetings.minutes.comments', { count: comments.length })}</h4>
      <ul className="list-plain">
        {comments.map((c) => (
          <li key={c.id}>
            <p className="small">
              <strong>{c.organization}</strong> · {c.author} · {date(c.createdAt, 'datetime', timeZone)} ·{' '}
              {t('meetings.minutes.onRevision', { revision: c.revision })}
            </p>
            <div className="meetings-markdown" dangerouslySetInnerHTML={{ __html: c.html }} />
          </li>
        ))}
      </ul>
    </>
  )
}

export function MinutesErrata({ errata, timeZone }: { errata: MinutesErratum[]; timeZone: string }) {
  const { t, date } = useT()
  if (!errata.length) return null
  return (
    <>
      <h4>{t('meetings.minutes.errata')}</h4>
      <ol>
        {errata.map((e) => (
          <li key={e.id}>
            <p className="small">
              {e.author} · {date(e.createdAt, 'date', timeZone)}
            </p>
            <div className="meetings-markdown" dangerouslySetInnerHTML={{ __html: e.html }} />
          </li>
        ))}
      </ol>
    </>
  )
}

/** Every saved text of an item's minutes, newest first, each with the words it added and removed. */
export function MinutesHistory({
  id,
  history,
  timeZone,
}: {
  id: string
  history: MinutesHistoryView
  timeZone: string
}) {
  const { t, date } = useT()
  return (
    <section id={`history-${id}`} aria-labelledby={`history-h-${id}`} className="card">
      <h4 id={`history-h-${id}`}>{t('meetings.minutes.historyTitle')}</h4>
      <p className="small muted">
        {history.scope === 'sinceCirculation' ? `${t('meetings.minutes.historySince')} ` : null}
        {t('meetings.minutes.historyLegend')}
      </p>
      <ol className="list-plain">
        {history.revisions.map((r) => (
          <li key={r.revision}>
            <p className="small">
              <strong>{t('meetings.minutes.revision', { revision: r.revision })}</strong> · {r.author ?? '—'}{' '}
              · {date(r.savedAt, 'datetime', timeZone)}
              {r.changes
                ? null
                : ` · ${t(history.scope === 'all' ? 'meetings.minutes.historyFirst' : 'meetings.minutes.historyCirculated')}`}
            </p>
            <p className="meetings-diff">
              {r.changes
                ? r.changes.map((c, i) =>
                    c.added ? (
                      <ins key={i}>{c.value}</ins>
                    ) : c.removed ? (
                      <del key={i}>{c.value}</del>
                    ) : (
                      c.value
                    ),
                  )
                : r.text}
            </p>
          </li>
        ))}
      </ol>
      {history.truncated ? <p className="small muted">{t('meetings.minutes.historyTruncated')}</p> : null}
      <p className="small">
        <Link to={`?#minutes-${id}`}>{t('meetings.minutes.historyHide')}</Link>
      </p>
    </section>
  )
}
