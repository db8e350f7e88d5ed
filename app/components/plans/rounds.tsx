// The consultation rounds' pieces: the open form (chair), a round's organizations with their status,
// a comment with its response, the comment, submit and response forms. Forms without JavaScript; each
// reads its conform reply, so a refusal shows the message at its field and keeps what was typed.
import { Form } from '@remix-run/react'
import { FieldErrors, FormErrors } from '~/components/forms'
import { replyErrors, replyValue, replyValues, type Reply } from '~/components/form-reply'
import { ReplyInput, ReplySelect, ReplyTextArea } from '~/components/reply-fields'
import { SubmitButton } from '~/components/submit-button'
import { withZone, zoneLabel } from '~/i18n/zones'
import { useT } from '~/i18n/use-t'
import { ROUND_OUTCOMES, type RoundOutcome } from '~/modules/plans/constants'

type OrgStatus = 'submitted' | 'pending' | 'late'
interface Option {
  code: string
  name: string
}

/** "3 Dec 2026, 17:00 (Panama time (UTC−5))" in the person's zone. */
export function When({ at, zone }: { at: string | Date; zone: string }) {
  const { t, date } = useT()
  const d = new Date(at)
  return (
    <>
      <time dateTime={d.toISOString()}>{date(d, 'datetime', zone)}</time>{' '}
      <span className="muted small">({zoneLabel({ t }, zone, d)})</span>
    </>
  )
}

export function RoundOrganizations({
  organizations,
  zone,
}: {
  organizations: { code: string; name: string; status: OrgStatus; submittedAt: string | Date | null }[]
  zone: string
}) {
  const { t } = useT()
  return (
    <ul>
      {organizations.map((o) => (
        <li key={o.code}>
          {o.name}:{' '}
          <strong className={o.status === 'late' ? 'rounds-late' : undefined}>
            {t(`planRounds.status.${o.status}`)}
          </strong>
          {o.submittedAt ? (
            <span className="muted small">
              {' '}
              (<When at={o.submittedAt} zone={zone} />)
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

export function OpenRoundForm({
  reply,
  zone,
  sections,
  organizations,
}: {
  reply: Reply
  zone: string
  sections: { id: string; label: string }[]
  organizations: Option[]
}) {
  const { t } = useT()
  const scope = replyValue(reply, 'scope') ?? 'whole'
  const chosenSections = replyValues(reply, 'sections') ?? []
  const chosenOrgs = replyValues(reply, 'organizations') ?? []
  const boxes = (
    name: string,
    legend: string,
    options: { value: string; label: string }[],
    chosen: string[],
  ) => {
    const errors = replyErrors(reply, name)
    return (
      <fieldset aria-describedby={errors?.length ? `round-${name}-error` : undefined}>
        <legend>{legend}</legend>
        <ul className="meetings-checks">
          {options.map((o) => (
            <li key={o.value}>
              <label>
                <input
                  type="checkbox"
                  name={name}
                  value={o.value}
                  defaultChecked={chosen.includes(o.value)}
                />{' '}
                {o.label}
              </label>
            </li>
          ))}
        </ul>
        <FieldErrors id={`round-${name}-error`} errors={errors} />
      </fieldset>
    )
  }
  return (
    <section aria-labelledby="open-round" className="card">
      <h2 id="open-round">{t('planRounds.openTitle')}</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="open" />
        <FormErrors errors={replyErrors(reply, '')} />
        <ReplyTextArea reply={reply} id="round-note" name="note" label={t('planRounds.note')} rows={3} />
        <ReplyInput
          reply={reply}
          id="round-deadline"
          name="deadline"
          type="datetime-local"
          label={withZone({ t }, t('planRounds.deadline'), zone)}
          hint={t('planRounds.deadlineHint')}
        />
        <fieldset>
          <legend>{t('planRounds.scope')}</legend>
          {(['whole', 'sections'] as const).map((s) => (
            <label key={s} className="rounds-choice">
              <input type="radio" name="scope" value={s} defaultChecked={scope === s} />{' '}
              {t(`planRounds.scope.${s}`)}
            </label>
          ))}
          <FieldErrors id="round-scope-error" errors={replyErrors(reply, 'scope')} />
        </fieldset>
        {boxes(
          'sections',
          t('planRounds.sections'),
          sections.map((s) => ({ value: s.id, label: s.label })),
          chosenSections,
        )}
        {boxes(
          'organizations',
          t('planRounds.organizationsToConsult'),
          organizations.map((o) => ({ value: o.code, label: o.name })),
          chosenOrgs,
        )}
        <SubmitButton intent="open">{t('planRounds.openButton')}</SubmitButton>
      </Form>
    </section>
  )
}

export interface CommentView {
  id: string
  organization: string
  author: string
  quote: string | null
  body: string
  submitted: boolean
  response: string | null
  outcome: RoundOutcome | null
  respondedBy: string | null
  canEdit: boolean
  canRespond: boolean
}

/** A comment with its response, and the forms its author (draft) or the drafters (response) use. */
export function RoundComment({
  c,
  replyFor,
  editing,
}: {
  c: CommentView
  replyFor: (intent: string, id: string) => Reply
  editing: boolean
}) {
  const { t } = useT()
  const editReply = replyFor('edit', c.id)
  const respondReply = replyFor('respond', c.id)
  return (
    <li className="card" id={`c-${c.id}`}>
      <p className="small">
        <strong>{t('planRounds.by', { organization: c.organization, author: c.author })}</strong>
        {c.submitted ? null : <span className="muted"> · {t('planRounds.draft')}</span>}
      </p>
      {c.quote ? (
        <blockquote aria-label={t('planRounds.quote')}>
          <p>{c.quote}</p>
        </blockquote>
      ) : null}
      <p className="rounds-pre">{c.body}</p>
      {c.outcome ? (
        <div>
          <p className="small">
            <strong>{t('planRounds.outcome')}:</strong> {t(`planRounds.outcome.${c.outcome}`)}
            {c.respondedBy ? (
              <span className="muted"> · {t('planRounds.respondedBy', { name: c.respondedBy })}</span>
            ) : null}
          </p>
          <p className="rounds-pre">{c.response}</p>
        </div>
      ) : c.submitted ? (
        <p className="muted small">{t('planRounds.noResponse')}</p>
      ) : null}
      {c.canEdit ? (
        <details open={editing || !!editReply}>
          <summary>{t('planRounds.edit')}</summary>
          <Form method="post" noValidate>
            <input type="hidden" name="comment" value={c.id} />
            <FormErrors errors={replyErrors(editReply, '')} />
            <ReplyTextArea
              reply={editReply}
              id={`edit-quote-${c.id}`}
              name="quote"
              label={t('planRounds.quote')}
              defaultValue={c.quote ?? ''}
              rows={2}
            />
            <ReplyTextArea
              reply={editReply}
              id={`edit-body-${c.id}`}
              name="body"
              label={t('planRounds.body')}
              defaultValue={c.body}
              rows={4}
            />
            <SubmitButton intent="edit">{t('planRounds.saveEdit')}</SubmitButton>{' '}
            <SubmitButton intent="withdraw" className="secondary">
              {t('planRounds.withdraw')}
            </SubmitButton>
          </Form>
        </details>
      ) : null}
      {c.canRespond ? (
        <Form method="post" noValidate aria-label={t('planRounds.respondTitle')}>
          <input type="hidden" name="comment" value={c.id} />
          <FormErrors errors={replyErrors(respondReply, '')} />
          <ReplyTextArea
            reply={respondReply}
            id={`response-${c.id}`}
            name="response"
            label={t('planRounds.response')}
            defaultValue={c.response ?? ''}
            rows={3}
          />
          <ReplySelect
            reply={respondReply}
            id={`outcome-${c.id}`}
            name="outcome"
            label={t('planRounds.outcome')}
            blank={t('planRounds.chooseOutcome')}
            defaultValue={c.outcome ?? ''}
            options={ROUND_OUTCOMES.map((o) => ({ value: o, label: t(`planRounds.outcome.${o}`) }))}
          />
          <SubmitButton intent="respond">{t('planRounds.respondButton')}</SubmitButton>
        </Form>
      ) : null}
    </li>
  )
}

export function CommentForm({
  sectionId,
  writeFor,
  reply,
}: {
  sectionId: string
  writeFor: Option[]
  reply: Reply
}) {
  const { t } = useT()
  return (
    <Form method="post" noValidate className="card" aria-labelledby={`write-${sectionId}`}>
      <h4 id={`write-${sectionId}`}>{t('planRounds.writeTitle')}</h4>
      <input type="hidden" name="section" value={sectionId} />
      <FormErrors errors={replyErrors(reply, '')} />
      {writeFor.length > 1 ? (
        <ReplySelect
          reply={reply}
          id={`organization-${sectionId}`}
          name="organization"
          label={t('planRounds.commentFor')}
          options={writeFor.map((o) => ({ value: o.code, label: o.name }))}
        />
      ) : writeFor.length === 1 ? (
        <input type="hidden" name="organization" value={writeFor[0].code} />
      ) : null}
      <ReplyTextArea
        reply={reply}
        id={`quote-${sectionId}`}
        name="quote"
        label={t('planRounds.quote')}
        hint={t('planRounds.quoteHint')}
        rows={2}
      />
      <ReplyTextArea
        reply={reply}
        id={`body-${sectionId}`}
        name="body"
        label={t('planRounds.body')}
        rows={4}
      />
      <SubmitButton intent="comment">{t('planRounds.addComment')}</SubmitButton>
    </Form>
  )
}

export function SubmitPositionForm({
  organization,
  reply,
}: {
  organization: Option & { comments: number }
  reply: Reply
}) {
  const { t } = useT()
  const id = `submit-${organization.code}`
  return (
    <Form method="post" noValidate className="card" aria-labelledby={id}>
      <h3 id={id}>{t('planRounds.submitTitle', { organization: organization.name })}</h3>
      <input type="hidden" name="organization" value={organization.code} />
      <FormErrors errors={replyErrors(reply, '')} />
      <p>{t('planRounds.submitIntro', { count: organization.comments })}</p>
      <div className="field">
        <label>
          <input
            type="checkbox"
            name="confirm"
            value="1"
            aria-describedby={replyErrors(reply, 'confirm')?.length ? `${id}-confirm-error` : undefined}
          />{' '}
          {t('planRounds.confirm')}
        </label>
        <FieldErrors id={`${id}-confirm-error`} errors={replyErrors(reply, 'confirm')} />
        <FieldErrors id={`${id}-organization-error`} errors={replyErrors(reply, 'organization')} />
      </div>
      <SubmitButton intent="submit">{t('planRounds.submitButton')}</SubmitButton>
    </Form>
  )
}
