// The implementation matrix's pieces: a line's or an activity's indicator, responsible institutions,
// time frame and action items (on the plan's page and the matrix page), the form of its matrix fields
// and the chair's "turn into an action item" form with its confirmation step. Plain forms (no
// JavaScript needed); no inline styles (the CSP refuses them).
import { Form, Link } from '@remix-run/react'
import { ActionStatusBadge, DueDay, Progress } from '~/components/actions'
import { Field, FormErrors } from '~/components/forms'
import { replyErrors, replyValues, type Reply } from '~/components/form-reply'
import { ReplyInput, ReplyTextArea } from '~/components/reply-fields'
import { useT } from '~/i18n/use-t'
import { ACTION_STATUSES, type ActionStatus } from '~/modules/actions/constants'
import type { ResponsibleRole } from '~/modules/plans/constants'

export interface MatrixRowView {
  id: string
  number: string
  kind: string
  title: string
  indicator: string | null
  indicatorEs: string | null
  indicatorEn: string | null
  startDate: string | null
  endDate: string | null
  responsibles: { code: string; name: string; role: ResponsibleRole }[]
  actions: {
    id: string
    title: string
    status: ActionStatus
    progress: number
    dueDate: string
    overdue: boolean
  }[]
  counts: Record<ActionStatus, number>
  progress: number | null
}

const day = (d: string) => `${d}T12:00:00Z`

export function TimeFrame({ start, end }: { start: string | null; end: string | null }) {
  const { t, date } = useT()
  if (!start && !end) return <span className="muted">{t('planMatrix.noTimeFrame')}</span>
  const s = start ? date(day(start), 'date') : ''
  const e = end ? date(day(end), 'date') : ''
  if (start && end) return <>{t('planMatrix.timeFrame', { start: s, end: e })}</>
  return <>{start ? t('planMatrix.from', { start: s }) : t('planMatrix.until', { end: e })}</>
}

export function Responsibles({ list }: { list: MatrixRowView['responsibles'] }) {
  const { t } = useT()
  if (!list.length) return <span className="muted">{t('planMatrix.noResponsibles')}</span>
  return (
    <ul className="list-plain">
      {list.map((r) => (
        <li key={r.code}>
          {r.name} <span className="muted small">({t(`planMatrix.role.${r.role}`)})</span>
        </li>
      ))}
    </ul>
  )
}

/** The status counts of a row's actions, in words, and their average progress. */
export function ActionsProgress({ row }: { row: MatrixRowView }) {
  const { t } = useT()
  if (!row.actions.length) return <span className="muted">{t('planMatrix.noActions')}</span>
  return (
    <>
      <ul className="list-plain small">
        {ACTION_STATUSES.filter((s) => row.counts[s] > 0).map((s) => (
          <li key={s}>
            {t(`actions.status.${s}`)}: {row.counts[s]}
          </li>
        ))}
      </ul>
      {row.progress !== null ? <Progress value={row.progress} /> : null}
    </>
  )
}

export function ActionLinks({ row }: { row: MatrixRowView }) {
  const { t } = useT()
  if (!row.actions.length) return <span className="muted">{t('planMatrix.noActions')}</span>
  return (
    <ul className="list-plain">
      {row.actions.map((a) => (
        <li key={a.id}>
          <Link to={`/actions/${a.id}`}>{a.title}</Link> <ActionStatusBadge status={a.status} />{' '}
          <span className="small">
            <DueDay day={a.dueDate} overdue={a.overdue} />
          </span>
        </li>
      ))}
    </ul>
  )
}

/** What the plan's page shows under a line of action or an activity. */
export function SectionMatrixSummary({
  row,
  planId,
  canEdit,
}: {
  row: MatrixRowView
  planId: string
  canEdit: boolean
}) {
  const { t } = useT()
  return (
    <div className="plan-matrix-summary small">
      <dl>
        <dt>{t('planMatrix.col.indicator')}</dt>
        <dd>{row.indicator ?? <span className="muted">{t('planMatrix.noIndicator')}</span>}</dd>
        <dt>{t('planMatrix.col.responsibles')}</dt>
        <dd>
          <Responsibles list={row.responsibles} />
        </dd>
        <dt>{t('planMatrix.col.timeFrame')}</dt>
        <dd>
          <TimeFrame start={row.startDate} end={row.endDate} />
        </dd>
        <dt>{t('planMatrix.col.actions')}</dt>
        <dd>
          <ActionLinks row={row} />
          {row.actions.length ? <ActionsProgress row={row} /> : null}
        </dd>
      </dl>
      <p>
        <Link to={`/plans/${planId}/sections/${row.id}/matrix`}>
          {canEdit ? t('planMatrix.edit') : t('planMatrix.title')}
        </Link>
      </p>
    </div>
  )
}

/** The matrix as a table; on a narrow screen each row stacks, each cell named by its column. */
export function MatrixTable({ rows, planId }: { rows: MatrixRowView[]; planId: string }) {
  const { t } = useT()
  const cols = {
    number: t('planMatrix.col.number'),
    section: t('planMatrix.col.section'),
    indicator: t('planMatrix.col.indicator'),
    responsibles: t('planMatrix.col.responsibles'),
    timeFrame: t('planMatrix.col.timeFrame'),
    actions: t('planMatrix.col.actions'),
    progress: t('planMatrix.col.progress'),
  }
  return (
    <table className="matrix-table">
      <caption>{t('planMatrix.caption')}</caption>
      <thead>
        <tr>
          {Object.entries(cols).map(([k, label]) => (
            <th key={k} scope="col">
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} id={`m-${r.id}`} className={r.kind === 'activity' ? 'matrix-activity' : undefined}>
            <td data-label={cols.number} className="mono">
              {r.number}
            </td>
            <th scope="row" data-label={cols.section}>
              <Link to={`/plans/${planId}/sections/${r.id}/matrix`}>{r.title}</Link>{' '}
              <span className="muted small">{t(`plans.kind.${r.kind as 'line'}`)}</span>
            </th>
            <td data-label={cols.indicator}>
              {r.indicator ?? <span className="muted">{t('planMatrix.noIndicator')}</span>}
            </td>
            <td data-label={cols.responsibles}>
              <Responsibles list={r.responsibles} />
            </td>
            <td data-label={cols.timeFrame}>
              <TimeFrame start={r.startDate} end={r.endDate} />
            </td>
            <td data-label={cols.actions}>
              <ActionLinks row={r} />
            </td>
            <td data-label={cols.progress}>
              <ActionsProgress row={r} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

interface OrgOption {
  code: string
  name: string
}

function OrganizationsSelect({
  reply,
  name,
  label,
  hint,
  options,
  selected,
}: {
  reply: Reply
  name: 'lead' | 'support'
  label: string
  hint: string
  options: OrgOption[]
  selected: string[]
}) {
  const chosen = replyValues(reply, name) ?? (reply ? [] : selected)
  return (
    <Field id={`matrix-${name}`} label={label} hint={hint} errors={replyErrors(reply, name)}>
      {(ids) => (
        <select
          id={ids.id}
          name={name}
          multiple
          size={8}
          defaultValue={chosen}
          aria-describedby={ids.describedBy}
          aria-invalid={ids.invalid || undefined}
        >
          {options.map((o) => (
            <option key={o.code} value={o.code}>
              {o.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}

/** The drafters' form of a line's or an activity's matrix fields. */
export function MatrixFieldsForm({
  row,
  organizations,
  reply,
}: {
  row: MatrixRowView
  organizations: OrgOption[]
  reply: Reply
}) {
  const { t } = useT()
  return (
    <Form method="post" className="stack" noValidate>
      <FormErrors errors={replyErrors(reply, '')} />
      <ReplyTextArea
        reply={reply}
        id="matrix-indicatorEs"
        name="indicatorEs"
        label={t('planMatrix.field.indicatorEs')}
        defaultValue={row.indicatorEs ?? ''}
        rows={3}
        lang="es"
      />
      <ReplyTextArea
        reply={reply}
        id="matrix-indicatorEn"
        name="indicatorEn"
        label={t('planMatrix.field.indicatorEn')}
        defaultValue={row.indicatorEn ?? ''}
        rows={3}
        lang="en"
      />
      <ReplyInput
        reply={reply}
        id="matrix-startDate"
        name="startDate"
        type="date"
        label={t('planMatrix.field.startDate')}
        hint={t('planMatrix.field.dateHint')}
        defaultValue={row.startDate ?? ''}
      />
      <ReplyInput
        reply={reply}
        id="matrix-endDate"
        name="endDate"
        type="date"
        label={t('planMatrix.field.endDate')}
        hint={t('planMatrix.field.dateHint')}
        defaultValue={row.endDate ?? ''}
      />
      <OrganizationsSelect
        reply={reply}
        name="lead"
        label={t('planMatrix.field.lead')}
        hint={t('planMatrix.field.orgsHint')}
        options={organizations}
        selected={row.responsibles.filter((r) => r.role === 'lead').map((r) => r.code)}
      />
      <OrganizationsSelect
        reply={reply}
        name="support"
        label={t('planMatrix.field.support')}
        hint={t('planMatrix.field.orgsHint')}
        options={organizations}
        selected={row.responsibles.filter((r) => r.role === 'support').map((r) => r.code)}
      />
      <div>
        <button type="submit" name="intent" value="save">
          {t('planMatrix.save')}
        </button>
      </div>
    </Form>
  )
}

/** The chair's form; after a refusal because the section already has action items, the confirmation. */
export function ConvertForm({ reply, confirming }: { reply: Reply; confirming: boolean }) {
  const { t } = useT()
  return (
    <section aria-labelledby="matrix-convert" className="card">
      <h2 id="matrix-convert">{t('planMatrix.convert.title')}</h2>
      <p className="small">{t('planMatrix.convert.intro')}</p>
      {confirming ? null : <FormErrors errors={replyErrors(reply, '')} />}
      {confirming ? (
        <div className="alert warn" role="alert">
          <p>{t('planMatrix.convert.confirmIntro')}</p>
          <Form method="post" className="filters">
            <input type="hidden" name="confirm" value="1" />
            <button type="submit" name="intent" value="convert">
              {t('planMatrix.convert.confirm')}
            </button>
          </Form>
          <p>
            <Link to="." className="button secondary small">
              {t('planMatrix.convert.cancel')}
            </Link>
          </p>
        </div>
      ) : (
        <Form method="post">
          <button type="submit" name="intent" value="convert">
            {t('planMatrix.convert.submit')}
          </button>
        </Form>
      )}
    </section>
  )
}
