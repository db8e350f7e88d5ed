import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { FieldErrors, FormErrors } from '~/components/forms'
import { replyErrors, replyValue, type Reply } from '~/components/form-reply'
import { ReplyInput, ReplySelect, ReplyTextArea } from '~/components/reply-fields'
import { SubmitButton } from '~/components/submit-button'
import { Countdown, Deadline, Outcome } from '~/components/procedures/procedures'
import { pageTitle } from '~/i18n/meta'
import { SEAT_TIME_ZONE } from '~/modules/plans/round-time'
import { withZone } from '~/i18n/zones'
import { useT } from '~/i18n/use-t'
import { requireViewer } from '~/modules/auth/viewer.server'
import { formFailure, NO_STORE, notFoundResponse } from '~/modules/core/form-reply.server'
import { parseForm } from '~/modules/core/forms.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { PROCEDURE_POSITIONS } from '~/modules/procedures/constants'
import { DelegateSchema, ExtendSchema, PositionSchema } from '~/modules/procedures/forms.server'
import { extendProcedure, nameDelegate, takePosition } from '~/modules/procedures/procedures.server'
import { procedurePage } from '~/modules/procedures/queries.server'
import { TableWrap } from '~/components/table-wrap'

export const meta = pageTitle<typeof loader>(
  (t, data) => `${data?.subject ?? t('procedures.title')} · ${t('app.name')}`,
)

// One written procedure: the frozen text, the deadline (San José and the person's own time) with the time
// left, every state's position for member states and the secretariat, the outcome; the position form for
// the state's focal point (or the delegate named), the extension form for the secretariat.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  const page = procedurePage(viewer, params.id ?? '', lang)
  if (!page) throw notFoundResponse()
  return data(page, { headers: NO_STORE })
}

const SCHEMAS = { position: PositionSchema, extend: ExtendSchema, delegate: DelegateSchema } as const
type Intent = keyof typeof SCHEMAS

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = requireViewer(request)
  const id = params.id ?? ''
  const formData = await request.formData()
  const raw = String(formData.get('intent') ?? '')
  if (!(raw in SCHEMAS)) throw notFoundResponse()
  const intent = raw as Intent
  const submission = parseForm(formData, SCHEMAS[intent])
  if (submission.status !== 'success')
    return data({ intent, result: submission.reply(), conflict: null }, { status: 400, headers: NO_STORE })
  try {
    if (intent === 'position') takePosition(viewer, id, submission.value as never)
    else if (intent === 'extend') extendProcedure(viewer, id, submission.value as never)
    else nameDelegate(viewer, id, submission.value as never)
    return redirect(`/procedures/${id}?done=${intent}`)
  } catch (error) {
    return formFailure(error, submission, intent)
  }
}

const DONE: Record<string, 'procedures.positionSaved' | 'procedures.extended' | 'procedures.delegateSaved'> =
  {
    position: 'procedures.positionSaved',
    extend: 'procedures.extended',
    delegate: 'procedures.delegateSaved',
  }

export default function ProcedurePage() {
  const p = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [search] = useSearchParams()
  const { t, date } = useT()
  const replyFor = (intent: Intent): Reply => (actionData?.intent === intent ? actionData.result : undefined)
  const done = search.get('done')
  const chosen = replyValue(replyFor('position'), 'position') ?? p.ownState?.current ?? 'agree'
  return (
    <>
      <p className="small">
        <Link to="/procedures">{t('procedures.title')}</Link>
      </p>
      <h1>{p.subject}</h1>
      {/* what was just done, unless a form answered since: a success never stands beside an error */}
      {search.get('launched') && !actionData ? (
        <p className="card" role="status">
          {t('procedures.launched')}
        </p>
      ) : null}
      {done && DONE[done] && !actionData ? (
        <p className="card" role="status">
          {t(DONE[done])}
        </p>
      ) : null}
      <p>
        {t('procedures.number', { number: p.number })} · {t(`procedures.textKind.${p.textKind}`)} ·{' '}
        <Outcome status={p.status} outcome={p.outcome} code={p.decisionCode} />
      </p>
      <dl className="dashboard-facts">
        <dt>{t('procedures.deadline')}</dt>
        <dd>
          <Deadline at={p.deadline} seatZone={p.seatZone} ownZone={p.ownZone} />
        </dd>
        {p.extendedAt ? (
          <dd className="small">
            {t('procedures.extendedNote', {
              date: date(p.extendedAt, 'datetime', p.ownZone),
              reason: p.extensionReason ?? '',
            })}
          </dd>
        ) : null}
        <dd className="small muted">
          {t('procedures.launchedBy', { date: date(p.launchedAt, 'datetime', p.ownZone) })}
        </dd>
        {p.closedAt ? (
          <dd>{t('procedures.closedAt', { date: date(p.closedAt, 'datetime', p.ownZone) })}</dd>
        ) : null}
      </dl>
      {p.status === 'open' ? <Countdown deadline={p.deadline} now={p.now} /> : null}
      {p.previous ? (
        <p>
          <Link to={`/procedures/${p.previous.id}`}>
            {t('procedures.previous', { number: p.previous.number })}
          </Link>
        </p>
      ) : null}
      {p.next.map((n) => (
        <p key={n.id}>
          <Link to={`/procedures/${n.id}`}>{t('procedures.next', { number: n.number })}</Link>
        </p>
      ))}
      {p.brokenBy.length ? (
        <section aria-labelledby="broken" className="card">
          <h2 id="broken">
            {t('procedures.outcome.brokenBy', { states: p.brokenBy.map((b) => b.name).join(', ') })}
          </h2>
          <ul>
            {p.brokenBy.map((b) => (
              <li key={b.code}>
                <strong>{b.name}</strong> ({t(`procedures.position.${b.position}`)}): {b.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="text">
        <h2 id="text">{t('procedures.text')}</h2>
        <p className="small muted">{t('procedures.textFrozen')}</p>
        {p.plan ? (
          <p className="small">
            {t('procedures.planSource')}: <Link to={`/plans/${p.plan.id}`}>{p.plan.title}</Link>
          </p>
        ) : null}
        {p.document ? (
          <p>
            {t('procedures.documentSource', { version: p.document.version })}:{' '}
            <Link to={`/documents/${p.document.id}`}>{p.document.title}</Link> ·{' '}
            <a href={`/documents/${p.document.id}/download?version=${p.document.version}`}>
              {t('procedures.download')}
            </a>
          </p>
        ) : null}
        {p.html ? (
          <div
            className="plan-markdown card"
            lang={p.textLang ?? undefined}
            dangerouslySetInnerHTML={{ __html: p.html }}
          />
        ) : null}
      </section>
      {p.states ? (
        <section aria-labelledby="states">
          <h2 id="states">{t('procedures.states')}</h2>
          <TableWrap label={t('procedures.states')}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('procedures.state')}</th>
                  <th scope="col">{t('procedures.positionHeader')}</th>
                  <th scope="col">{t('procedures.reason')}</th>
                  <th scope="col">{t('procedures.by')}</th>
                </tr>
              </thead>
              <tbody>
                {p.states.map((s) => (
                  <tr key={s.code}>
                    <th scope="row">{s.name}</th>
                    <td>
                      {t(s.position ? `procedures.position.${s.position}` : 'procedures.position.none')}
                    </td>
                    <td>
                      {s.reason}
                      {s.history.length ? (
                        <details>
                          <summary>{t('procedures.history')}</summary>
                          <ul className="small">
                            {s.history.map((h) => (
                              <li key={h.version}>
                                {t(`procedures.position.${h.position}`)} · {h.by} ·{' '}
                                {date(h.at, 'datetime', p.ownZone)}
                                {h.reason ? `: ${h.reason}` : ''}
                              </li>
                            ))}
                          </ul>
                        </details>
                      ) : null}
                    </td>
                    <td className="small">{s.by ? `${s.by} · ${date(s.at!, 'datetime', p.ownZone)}` : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
      ) : null}
      {p.canPosition && p.ownState ? (
        <section aria-labelledby="position-form" className="card">
          <h2 id="position-form">{t('procedures.field.position', { state: p.ownState.name })}</h2>
          <Form method="post" noValidate>
            <FormErrors errors={replyErrors(replyFor('position'), '')} />
            <fieldset
              aria-describedby={
                replyErrors(replyFor('position'), 'position')?.length ? 'pos-error' : undefined
              }
            >
              <legend>{t('procedures.positionHeader')}</legend>
              {PROCEDURE_POSITIONS.map((v) => (
                <label key={v} className="rounds-choice">
                  <input type="radio" name="position" value={v} defaultChecked={chosen === v} />{' '}
                  {t(`procedures.position.${v}`)}
                </label>
              ))}
              <FieldErrors id="pos-error" errors={replyErrors(replyFor('position'), 'position')} />
            </fieldset>
            <ReplyTextArea
              reply={replyFor('position')}
              id="pos-reason"
              name="reason"
              label={t('procedures.field.reason')}
              rows={4}
            />
            <SubmitButton intent="position">{t('procedures.savePosition')}</SubmitButton>
          </Form>
        </section>
      ) : null}
      {p.canNameDelegate && p.ownState ? (
        <section aria-labelledby="delegate-form" className="card">
          <h2 id="delegate-form">{t('procedures.field.delegate', { state: p.ownState.name })}</h2>
          <Form method="post" noValidate>
            <ReplySelect
              reply={replyFor('delegate')}
              id="delegate-person"
              name="person"
              label={t('procedures.field.delegate', { state: p.ownState.name })}
              options={p.delegates.map((d) => ({ value: d.id, label: d.name }))}
              blank={t('procedures.field.noDelegate')}
              defaultValue={p.ownState.delegateId ?? ''}
            />
            <SubmitButton intent="delegate">{t('procedures.saveDelegate')}</SubmitButton>
          </Form>
        </section>
      ) : null}
      {p.canExtend ? (
        <section aria-labelledby="extend-form" className="card">
          <h2 id="extend-form">{t('procedures.extend')}</h2>
          <Form method="post" noValidate>
            <FormErrors errors={replyErrors(replyFor('extend'), '')} />
            <ReplyInput
              reply={replyFor('extend')}
              id="ext-deadline"
              name="deadline"
              type="datetime-local"
              label={withZone({ t }, t('procedures.field.extendDeadline'), SEAT_TIME_ZONE)}
              hint={t('procedures.field.deadlineHint')}
            />
            <ReplyTextArea
              reply={replyFor('extend')}
              id="ext-reason"
              name="reason"
              label={t('procedures.field.extendReason')}
              rows={2}
            />
            <SubmitButton intent="extend">{t('procedures.extend')}</SubmitButton>
          </Form>
        </section>
      ) : null}
      {p.canRelaunch ? (
        <p>
          <Link to={`/procedures/new?previous=${p.id}`} className="button">
            {t('procedures.relaunch')}
          </Link>
        </p>
      ) : null}
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
