// A section's comment threads (with replies and resolving) and suggested wording (with accepting or
// rejecting), and the forms to add them, as the viewer may. Plain forms: they work without JavaScript.
// On a plan's page the two forms to add are drawn on request (`forms="onRequest"`): a plan of 50
// sections carried 100 forms nobody had opened (85 KB of its HTML, a third of its render). Opening the
// list draws them at once with JavaScript; without it, a link asks the page for this section's forms
// (`?discuss=<section>`). A refused form is drawn again with what was typed.
import { useEffect, useRef, useState } from 'react'
import { Form, Link } from '@remix-run/react'
import { ReplyInput, ReplyTextArea } from '~/components/reply-fields'
import type { Reply } from '~/components/form-reply'
import { useT } from '~/i18n/use-t'
import { shortOrgName, type OrgLabel } from '~/modules/members/org-labels'

interface Author {
  id: string
  name: string
  organization: string
  org: OrgLabel
}
interface Reply_ {
  id: string
  author: Author
  createdAt: string | Date
  html: string
}
/** A section as the plan's page sends it (app/modules/plans/page.server.ts). */
export interface DiscussedSection {
  id: string
  baseRevision: number
  can: { suggest: boolean; decide: boolean; comment: boolean }
  threads: (Reply_ & {
    quote: string | null
    resolvedAt: string | Date | null
    resolvedBy: string | null
    canResolve: boolean
    replies: Reply_[]
  })[]
  suggestions: {
    id: string
    quote: string | null
    replacement: string
    note: string
    author: Author
    status: 'pending' | 'accepted' | 'rejected'
    reason: string | null
    revision: number | null
    createdAt: string | Date
  }[]
}
type Section = DiscussedSection

type Kind = 'suggest' | 'comment'

export function SectionDiscussion({
  section,
  replyOf,
  forms = 'shown',
}: {
  section: Section
  /** the reply of a refused form of this section, by intent */
  replyOf: (intent: string) => Reply
  /** 'onRequest': the forms to add are drawn when asked for (see above); 'asked': drawn and open (the
   * section of `?discuss=`) */
  forms?: 'shown' | 'onRequest' | 'asked'
}) {
  const { t, date, lang } = useT()
  const s = section
  const [asked, setAsked] = useState<Kind | 'both' | null>(null)
  const [focus, setFocus] = useState<string | null>(null)
  const shown = (kind: Kind) => forms !== 'onRequest' || asked === kind || asked === 'both' || !!replyOf(kind)
  useEffect(() => {
    if (focus) document.getElementById(focus)?.focus()
  }, [focus])
  const suggestions = useRef<HTMLDetailsElement>(null)
  const comments = useRef<HTMLDetailsElement>(null)
  const suggestionsOpen =
    s.suggestions.some((x) => x.status === 'pending') ||
    !!replyOf('suggest') ||
    !!replyOf('decide') ||
    forms === 'asked'
  const commentsOpen = s.threads.some((c) => !c.resolvedAt) || !!replyOf('comment') || forms === 'asked'
  // a list opened before the page hydrated (its toggle event came before React's listener)
  useEffect(() => {
    if (forms !== 'onRequest') return
    const early = [
      suggestions.current?.open && !suggestionsOpen ? 'suggest' : null,
      comments.current?.open && !commentsOpen ? 'comment' : null,
    ].filter(Boolean)
    if (early.length) setAsked(early.length === 2 ? 'both' : (early[0] as Kind))
    // on mount only: later toggles come through onToggle
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  const open = (kind: Kind) => (e: React.SyntheticEvent<HTMLDetailsElement>) => {
    if (e.currentTarget.open && !shown(kind)) setAsked((a) => (a && a !== kind ? 'both' : kind))
  }
  /** without JavaScript, the page with this section's forms; with it, the form drawn in place */
  const ask = (kind: Kind, label: string, field: string) => (
    <p>
      <Link
        to={`?discuss=${s.id}#${field}`}
        preventScrollReset
        onClick={(e) => {
          e.preventDefault()
          setAsked((a) => (a && a !== kind ? 'both' : kind))
          setFocus(field)
        }}
      >
        {label}
      </Link>
    </p>
  )
  return (
    <div className="plan-discussion">
      {s.suggestions.length || s.can.suggest ? (
        <details ref={suggestions} open={suggestionsOpen} onToggle={open('suggest')}>
          <summary>
            {t('plans.suggestions')} ({s.suggestions.length})
          </summary>
          <ul className="plan-suggestions">
            {s.suggestions.map((x) => (
              <li key={x.id}>
                <p className="small muted">
                  {t('plans.suggestedBy', { name: x.author.name, org: x.author.organization })} ·{' '}
                  {date(x.createdAt)} ·{' '}
                  {x.status === 'pending'
                    ? t('plans.suggestionStatus.pending')
                    : x.status === 'accepted'
                      ? t('plans.suggestionStatus.accepted', { revision: x.revision ?? '' })
                      : t('plans.suggestionStatus.rejected', { reason: x.reason ?? '' })}
                </p>
                <p>{x.quote ? t('plans.replaceWith', { quote: x.quote }) : t('plans.replaceAll')}</p>
                <blockquote>{x.replacement}</blockquote>
                {x.note ? <p className="small">{x.note}</p> : null}
                {x.status === 'pending' && s.can.decide ? (
                  <Form method="post" className="filters">
                    <input type="hidden" name="suggestionId" value={x.id} />
                    <button type="submit" name="decision" value="accept">
                      {t('plans.accept')}
                    </button>
                    <ReplyInput
                      reply={replyOf('decide')}
                      name="reason"
                      id={`reason-${x.id}`}
                      label={t('plans.rejectReason')}
                    />
                    <input type="hidden" name="intent" value="decide" />
                    <div>
                      <button type="submit" name="decision" value="reject" className="secondary">
                        {t('plans.reject')}
                      </button>
                    </div>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
          {s.can.suggest && !shown('suggest')
            ? ask('suggest', t('plans.suggestTitle'), `squote-${s.id}`)
            : null}
          {s.can.suggest && shown('suggest') ? (
            <Form method="post" className="stack">
              <h4>{t('plans.suggestTitle')}</h4>
              <input type="hidden" name="sectionId" value={s.id} />
              <input type="hidden" name="baseRevision" value={s.baseRevision} />
              <ReplyTextArea
                reply={replyOf('suggest')}
                name="quote"
                id={`squote-${s.id}`}
                label={t('plans.suggestQuote')}
                rows={2}
              />
              <ReplyTextArea
                reply={replyOf('suggest')}
                name="replacement"
                id={`srepl-${s.id}`}
                label={t('plans.suggestReplacement')}
                rows={3}
                required
              />
              <div>
                <button type="submit" name="intent" value="suggest">
                  {t('plans.suggestSend')}
                </button>
              </div>
            </Form>
          ) : null}
        </details>
      ) : null}

      <details ref={comments} open={commentsOpen} onToggle={open('comment')}>
        <summary>
          {t('plans.comments')} ({s.threads.length})
        </summary>
        {s.threads.length === 0 ? <p className="muted small">{t('plans.noComments')}</p> : null}
        <ul className="plan-threads">
          {s.threads.map((c) => (
            <li key={c.id} className={c.resolvedAt ? 'resolved' : undefined}>
              {c.quote ? <blockquote>{c.quote}</blockquote> : null}
              <p className="small muted">
                {c.author.name} ({shortOrgName(c.author.org, lang)}) · {date(c.createdAt)}
              </p>
              <div className="plan-markdown" dangerouslySetInnerHTML={{ __html: c.html }} />
              {c.replies.length ? (
                <ul>
                  {c.replies.map((r) => (
                    <li key={r.id}>
                      <p className="small muted">
                        {r.author.name} ({shortOrgName(r.author.org, lang)}) · {date(r.createdAt)}
                      </p>
                      <div className="plan-markdown" dangerouslySetInnerHTML={{ __html: r.html }} />
                    </li>
                  ))}
                </ul>
              ) : null}
              {c.resolvedAt ? (
                <p className="small badge ok">{t('plans.resolvedBy', { name: c.resolvedBy ?? '—' })}</p>
              ) : (
                <>
                  {s.can.comment ? (
                    <Form method="post" className="filters">
                      <input type="hidden" name="sectionId" value={s.id} />
                      <input type="hidden" name="parentId" value={c.id} />
                      <ReplyInput
                        reply={null}
                        name="body"
                        id={`reply-${c.id}`}
                        label={t('plans.replyLabel')}
                        required
                      />
                      <div>
                        <button type="submit" name="intent" value="comment" className="secondary">
                          {t('plans.replySend')}
                        </button>
                      </div>
                    </Form>
                  ) : null}
                  {c.canResolve ? (
                    <Form method="post">
                      <input type="hidden" name="commentId" value={c.id} />
                      <button type="submit" name="intent" value="resolve" className="secondary small">
                        {t('plans.resolve')}
                      </button>
                    </Form>
                  ) : null}
                </>
              )}
            </li>
          ))}
        </ul>
        {s.can.comment && !shown('comment') ? ask('comment', t('plans.commentAsk'), `cquote-${s.id}`) : null}
        {s.can.comment && shown('comment') ? (
          <Form method="post" className="stack">
            <input type="hidden" name="sectionId" value={s.id} />
            <ReplyTextArea
              reply={replyOf('comment')}
              name="quote"
              id={`cquote-${s.id}`}
              label={t('plans.quoteLabel')}
              rows={2}
            />
            <ReplyTextArea
              reply={replyOf('comment')}
              name="body"
              id={`cbody-${s.id}`}
              label={t('plans.commentLabel')}
              rows={3}
              required
            />
            <div>
              <button type="submit" name="intent" value="comment">
                {t('plans.commentSend')}
              </button>
            </div>
          </Form>
        ) : null}
      </details>
    </div>
  )
}
