import { pageTitle } from '~/i18n/meta'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { ConfirmForm } from '~/components/confirm'
import { FormErrors } from '~/components/forms'
import { replyErrors } from '~/components/form-reply'
import {
  CommentForm,
  RoundComment,
  RoundOrganizations,
  SubmitPositionForm,
  When,
} from '~/components/plans/rounds'
import { useT } from '~/i18n/use-t'
import { requireViewer } from '~/modules/auth/viewer.server'
import { askConfirmation, isConfirmed } from '~/modules/core/confirm.server'
import { formFailure, NO_STORE, notFoundResponse } from '~/modules/core/form-reply.server'
import { redirectWithNotice } from '~/modules/core/notice.server'
import { parseForm } from '~/modules/core/forms.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { bracketNames, renderSection } from '~/modules/plans/render.server'
import {
  CommentSchema,
  EditCommentSchema,
  RespondSchema,
  SubmitSchema,
  WithdrawSchema,
} from '~/modules/plans/round-forms.server'
import {
  addRoundComment,
  closeRound,
  editRoundComment,
  respondToComment,
  roundPage,
  submitPosition,
  withdrawRoundComment,
} from '~/modules/plans/rounds.server'

export const meta = pageTitle<typeof loader>((t, data) => {
  const title = data ? t('planRounds.roundTitle', { number: data.round.number, title: data.plan.title }) : ''
  return `${title || t('planRounds.title')} · ${t('app.name')}`
})

const DONE = ['opened', 'comment', 'edit', 'withdraw', 'submit', 'respond', 'close'] as const
const numberOf = (v: string | undefined) => (v && /^\d{1,6}$/.test(v) ? Number(v) : 0)

// One round: its sections (current texts), its organizations and their status, the comments the viewer
// may read (drafts: their own organization's), the comment forms of a consulted organization, the
// focal point's submit form, the drafters' response forms. Hidden or missing: the 404 page.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  const page = roundPage(viewer, params.id ?? '', numberOf(params.number), lang)
  if (!page) throw notFoundResponse()
  const done = new URL(request.url).searchParams.get('done')
  return data(
    {
      ...page,
      sections: (() => {
        const names = bracketNames(
          page.sections.map((s) => s.text),
          lang,
        )
        return page.sections.map(({ text, ...s }) => ({ ...s, html: text ? renderSection(text, names) : '' }))
      })(),
      done: (DONE as readonly string[]).includes(done ?? '') ? done : null,
    },
    { headers: NO_STORE },
  )
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  const planId = params.id ?? ''
  const number = numberOf(params.number)
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  const target = String(
    formData.get('comment') ?? formData.get('section') ?? formData.get('organization') ?? '',
  )
  const here = `/plans/${planId}/rounds/${number}`
  const done = (anchor = '') => redirect(`${here}?done=${intent}${anchor}`)
  const step = <S extends Parameters<typeof parseForm>[1]>(
    schema: S,
    apply: (value: never) => string | void,
  ) => {
    const submission = parseForm(formData, schema)
    if (submission.status !== 'success')
      return data(
        { intent, target, result: submission.reply(), conflict: null },
        { status: 400, headers: NO_STORE },
      )
    try {
      const anchor = apply(submission.value as never)
      return done(anchor ? `#${anchor}` : '')
    } catch (error) {
      const failure = formFailure(error, submission, intent)
      return data({ ...failure.data, target }, failure.init ?? undefined)
    }
  }
  switch (intent) {
    case 'comment':
      return step(CommentSchema, (v: Parameters<typeof addRoundComment>[3]) => {
        const c = addRoundComment(viewer, planId, number, v, lang)
        return `c-${c.id}`
      })
    case 'edit':
      return step(EditCommentSchema, (v: Parameters<typeof editRoundComment>[3]) => {
        editRoundComment(viewer, planId, number, v, lang)
        return `c-${v.comment}`
      })
    case 'withdraw':
      return step(WithdrawSchema, (v: { comment: string }) =>
        withdrawRoundComment(viewer, planId, number, v.comment),
      )
    case 'submit':
      return step(SubmitSchema, (v: { organization: string }) =>
        submitPosition(viewer, planId, number, v.organization),
      )
    case 'respond':
      return step(RespondSchema, (v: Parameters<typeof respondToComment>[2]) => {
        respondToComment(viewer, planId, v)
        return `c-${v.comment}`
      })
    case 'close': {
      // closing a round early is final: the chair confirms (components/confirm.tsx); anyone else goes
      // straight to the service, which refuses and audits the refusal
      if (roundPage(viewer, planId, number, lang)?.canClose && !isConfirmed(formData))
        return askConfirmation(formData)
      try {
        closeRound(viewer, planId, number)
      } catch (error) {
        const failure = formFailure(error, null, intent)
        return data({ ...failure.data, target }, failure.init ?? undefined)
      }
      return redirectWithNotice(here, { key: 'confirm.done.roundClosed', params: { number } })
    }
    default:
      throw new Response(null, { status: 400, headers: NO_STORE })
  }
}

export default function PlanRoundPage() {
  const { plan, round, zone, sections, writeFor, submitFor, canClose, done } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t } = useT()
  const replyFor = (intent: string, target: string) =>
    actionData?.intent === intent && 'target' in actionData && actionData.target === target
      ? actionData.result
      : undefined
  const doneKey = {
    opened: 'planRounds.opened',
    comment: 'planRounds.commentAdded',
    edit: 'planRounds.edited',
    withdraw: 'planRounds.withdrawn',
    submit: 'planRounds.submitted',
    respond: 'planRounds.responded',
    close: 'planRounds.closedNow',
  } as const
  const closeReply = actionData?.intent === 'close' ? actionData.result : undefined
  return (
    <>
      <p className="small">
        <Link to={`/plans/${plan.id}/rounds`}>{t('planRounds.backToRounds')}</Link>
        {plan.inGroup ? (
          <>
            {' '}
            · <Link to={`/plans/${plan.id}`}>{t('planRounds.backToPlan')}</Link> ·{' '}
            <Link to={`/plans/${plan.id}/comments?round=${round.number}`}>{t('planRounds.matrixLink')}</Link>
          </>
        ) : null}
      </p>
      <p className="muted">{plan.title}</p>
      <h1>
        {t('planRounds.roundN', { number: round.number })}{' '}
        <span className="badge">{t(round.open ? 'planRounds.open' : 'planRounds.closed')}</span>
      </h1>
      {done && !actionData ? (
        <div className="alert ok" role="status">
          <p>{t(doneKey[done as keyof typeof doneKey])}</p>
        </div>
      ) : null}
      <p>
        {t('planRounds.deadline')}: <When at={round.deadline} zone={zone} />
      </p>
      {round.closedAt && new Date(round.closedAt) < new Date(round.deadline) ? (
        <p className="small">
          {t('planRounds.closed')}: <When at={round.closedAt} zone={zone} />
        </p>
      ) : null}
      {round.note ? <p className="rounds-pre">{round.note}</p> : null}
      {!round.open ? <p className="card">{t('planRounds.roundClosedNote')}</p> : null}
      <section aria-labelledby="round-orgs">
        <h2 id="round-orgs">{t('planRounds.organizations')}</h2>
        <RoundOrganizations organizations={round.organizations} zone={zone} />
      </section>
      {canClose ? (
        <>
          <FormErrors errors={replyErrors(closeReply, '')} />
          <FormErrors errors={replyErrors(closeReply, 'round')} />
          <ConfirmForm
            intent="close"
            confirmKey="close-round"
            formClassName="stack"
            className="secondary"
            label={t('planRounds.closeButton')}
            title={t('confirm.round.title', { number: round.number })}
            text={t('confirm.round.text')}
            confirmLabel={t('planRounds.closeButton')}
          />
        </>
      ) : null}
      {submitFor.map((o) => (
        <SubmitPositionForm key={o.code} organization={o} reply={replyFor('submit', o.code)} />
      ))}
      <section aria-labelledby="round-sections">
        <h2 id="round-sections">{t('planRounds.sectionsOfRound')}</h2>
        {sections.map((s) => (
          <section key={s.id} aria-labelledby={`rs-${s.id}`} className="plan-section">
            <h3 id={`rs-${s.id}`}>
              {s.number} {s.title}
            </h3>
            {s.html ? (
              <div className="rounds-text" dangerouslySetInnerHTML={{ __html: s.html }} />
            ) : (
              <p className="muted">{t('planRounds.emptySection')}</p>
            )}
            <h4>{t('planRounds.comments')}</h4>
            {s.comments.length ? (
              <ul className="rounds-list">
                {s.comments.map((c) => (
                  <RoundComment key={c.id} c={c} replyFor={replyFor} editing={false} />
                ))}
              </ul>
            ) : (
              <p className="muted small">{t('planRounds.noComments')}</p>
            )}
            {writeFor.length ? (
              <CommentForm sectionId={s.id} writeFor={writeFor} reply={replyFor('comment', s.id)} />
            ) : null}
          </section>
        ))}
      </section>
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
