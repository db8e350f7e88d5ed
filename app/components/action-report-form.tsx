// The report of progress on an action, by the owners' people (and the secretariat): status, progress,
// a note and evidence from the library (chosen from a list, or by its reference). A plain form post
// (intent `update`) with the revision the person saw; a refusal comes back at its field with what was
// typed, a stale revision with the current state beside it.
import { Form } from '@remix-run/react'
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
  reportFor = { owners: [], whole: true },
  draft = null,
}: {
  action: { status: ActionStatus; progress: number }
  /** the revision the report is based on (the current one after a conflict) */
  revision: number
  /** the documents offered as evidence */
  evidence: EvidenceView[]
  /** the answer to this form, if it was the one sent */
  reply: Reply
  conflict: ActionSnapshot | null
  /** the owners this person may report for; `whole`: the secretariat may report on the whole action */
  reportFor?: { owners: { code: string; name: string }[]; whole: boolean }
  /** the report as it was left to upload a document first, with the new document chosen */
  draft?: Record<string, string | string[]> | null
}) {
  const { t } = useT()
  const kept = (name: string) => {
    const v = draft?.[name]
    return typeof v === 'string' ? v : undefined
  }
  const keptList = (name: string) => {
    const v = draft?.[name]
    return Array.isArray(v) ? v : undefined
  }
  return (
    <section aria-labelledby="update-title" className="card actions-card">
      <h2 id="update-title">{t('actions.update.title')}</h2>
      <p className="muted small">{t('actions.update.intro')}</p>
      {conflict && updateReply ? <ConflictNotice conflict={conflict} /> : null}
      {draft && !updateReply ? (
        <p className="alert info" role="status">
          {t('decisionsOwners.draftRestored')}
        </p>
      ) : null}
      <FormErrors errors={replyErrors(updateReply, '')} />
      <Form method="post" className="stack">
        <input type="hidden" name="revision" value={revision} />
        {reportFor.owners.length + (reportFor.whole ? 1 : 0) > 1 || replyErrors(updateReply, 'owner') ? (
          <Field
            id="update-owner"
            label={t('decisionsOwners.field.owner')}
            hint={t('decisionsOwners.field.ownerHint')}
            errors={replyErrors(updateReply, 'owner')}
          >
            {(ids) => (
              <select
                id={ids.id}
                name="owner"
                defaultValue={
                  replyValue(updateReply, 'owner') ?? kept('owner') ?? reportFor.owners[0]?.code ?? ''
                }
                aria-describedby={ids.describedBy}
                aria-invalid={ids.invalid || undefined}
              >
                {reportFor.whole ? <option value="">{t('decisionsOwners.field.wholeAction')}</option> : null}
                {reportFor.owners.map((o) => (
                  <option key={o.code} value={o.code}>
                    {o.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : reportFor.owners.length === 1 ? (
          <input type="hidden" name="owner" value={reportFor.owners[0].code} />
        ) : null}
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
                replyValue(updateReply, 'status') ??
                kept('status') ??
                (a.status === 'not_started' ? 'in_progress' : a.status)
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
              defaultValue={replyValue(updateReply, 'progress') ?? kept('progress') ?? String(a.progress)}
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
              defaultValue={replyValue(updateReply, 'note') ?? kept('note')}
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
              defaultValue={replyValues(updateReply, 'evidence') ?? keptList('evidence') ?? []}
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
              defaultValue={replyValue(updateReply, 'evidenceReference') ?? kept('evidenceReference')}
              aria-describedby={ids.describedBy}
              aria-invalid={ids.invalid || undefined}
            />
          )}
        </Field>
        <div className="actions-buttons">
          <button type="submit" name="intent" value="update">
            {t('actions.update.submit')}
          </button>{' '}
          {/* keeps what was typed (on the server), uploads, and comes back with the document chosen */}
          <button type="submit" name="intent" value="upload-first" className="secondary" formNoValidate>
            {t('actions.update.uploadFirst')}
          </button>
        </div>
        <p className="muted small">{t('decisionsOwners.uploadFirstHint')}</p>
      </Form>
    </section>
  )
}
