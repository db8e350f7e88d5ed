// The report of progress on an action, by the owners' people (and the secretariat): status, progress,
// a note and evidence from the library (chosen from a list, or by its reference). A plain form post
// (intent `update`) with the revision the person saw; a refusal comes back at its field with what was
// typed, a stale revision with the current state beside it.
import { Form, Link } from '@remix-run/react'
import { useT } from '~/i18n/use-t'
import { REPORT_STATUSES, type ActionStatus } from '~/modules/actions/constants'
import type { ActionSnapshot, EvidenceView } from '~/modules/actions/views'
import { ConflictNotice } from './action-conflict'
import { replyErrors, replyValue, replyValues, type Reply } from './form-reply'
import { Field, FormErrors } from './forms'

export function ActionReportForm({
  action: a,
  revision,
  evidence,
  reply: updateReply,
  conflict,
}: {
  action: { status: ActionStatus; progress: number }
  /** the revision the report is based on (the current one after a conflict) */
  revision: number
  /** the documents offered as evidence */
  evidence: EvidenceView[]
  /** the answer to this form, if it was the one sent */
  reply: Reply
  conflict: ActionSnapshot | null
}) {
  const { t } = useT()
  return (
    <section aria-labelledby="update-title" className="card actions-card">
      <h2 id="update-title">{t('actions.update.title')}</h2>
      <p className="muted small">{t('actions.update.intro')}</p>
      {conflict && updateReply ? <ConflictNotice conflict={conflict} /> : null}
      <FormErrors errors={replyErrors(updateReply, '')} />
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="revision" value={revision} />
        <Field
          id="update-status"
          label={t('actions.field.status')}
          errors={replyErrors(updateReply, 'status')}
        >
          {(ids) => (
            <select
              id={ids.id}
              name="status"
              defaultValue={
                replyValue(updateReply, 'status') ?? (a.status === 'not_started' ? 'in_progress' : a.status)
              }
              aria-describedby={ids.describedBy}
            >
              {REPORT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`actions.status.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="update-progress"
          label={t('actions.field.progressPercent')}
          hint={t('actions.update.progressHint')}
          errors={replyErrors(updateReply, 'progress')}
        >
          {(ids) => (
            <input
              id={ids.id}
              name="progress"
              type="number"
              min={0}
              max={100}
              step={1}
              defaultValue={replyValue(updateReply, 'progress') ?? String(a.progress)}
              aria-describedby={ids.describedBy}
              aria-invalid={ids.invalid || undefined}
              required
            />
          )}
        </Field>
        <Field id="update-note" label={t('actions.field.note')} errors={replyErrors(updateReply, 'note')}>
          {(ids) => (
            <textarea
              id={ids.id}
              name="note"
              rows={5}
              defaultValue={replyValue(updateReply, 'note')}
              aria-describedby={ids.describedBy}
              aria-invalid={ids.invalid || undefined}
            />
          )}
        </Field>
        <Field
          id="update-evidence"
          label={t('actions.field.evidence')}
          hint={t('actions.update.evidenceHint')}
          errors={replyErrors(updateReply, 'evidence')}
        >
          {(ids) => (
            <select
              id={ids.id}
              name="evidence"
              multiple
              size={Math.min(6, Math.max(2, evidence.length))}
              defaultValue={replyValues(updateReply, 'evidence') ?? []}
              aria-describedby={ids.describedBy}
            >
              {evidence.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.reference} · {d.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="update-evidence-reference"
          label={t('actions.field.evidenceReference')}
          hint={t('actions.update.referenceHint')}
          errors={replyErrors(updateReply, 'evidenceReference')}
        >
          {(ids) => (
            <input
              id={ids.id}
              name="evidenceReference"
              type="text"
              defaultValue={replyValue(updateReply, 'evidenceReference')}
              aria-describedby={ids.describedBy}
              aria-invalid={ids.invalid || undefined}
            />
          )}
        </Field>
        <p className="small">
          <Link to="/documents/new">{t('actions.update.uploadFirst')}</Link>
        </p>
        <div>
          <button type="submit">{t('actions.update.submit')}</button>
        </div>
      </Form>
    </section>
  )
}
