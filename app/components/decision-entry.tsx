// One recorded decision on its meeting's decisions tab: its code, status, text, the corrigenda that
// changed it (each with the text it replaced) and, for the secretariat, the forms to correct it by a
// corrigendum or to withdraw it. Plain form posts (intents `correct` and `withdraw`), JavaScript or not;
// withdrawing is final and asks first (components/confirm.tsx).
import { Form } from '@remix-run/react'
import type { ReactNode } from 'react'
import { useT } from '~/i18n/use-t'
import type { CorrigendumView } from '~/modules/meetings/views'
import type { DecisionStatus } from '~/modules/meetings/constants'
import { ConfirmForm, useConfirmationAsked } from './confirm'
import { FormErrors } from './forms'
import { replyErrors, type Reply } from './form-reply'
import { ReplyTextArea } from './reply-fields'

export interface DecisionEntryData {
  id: string
  code: string
  text: string
  textEs: string | null
  textEn: string | null
  status: DecisionStatus
  withdrawal: { reason: string; at: string | Date } | null
  revision: number
  corrigenda: (Omit<CorrigendumView, 'createdAt'> & { createdAt: string | Date })[]
}

export function DecisionStatusBadge({ status, corrected }: { status: DecisionStatus; corrected: boolean }) {
  const { t } = useT()
  if (status === 'withdrawn')
    return <span className="badge danger">{t('decisionsOwners.status.withdrawn')}</span>
  if (corrected) return <span className="badge warn">{t('decisionsOwners.status.corrected')}</span>
  return null
}

export function DecisionEntry({
  decision: d,
  manage,
  correctReply,
  withdrawReply,
  heading,
  children,
}: {
  decision: DecisionEntryData
  /** the secretariat: the corrigendum and withdrawal forms */
  manage: boolean
  /** the answer to this decision's corrigendum / withdrawal form, if it was the one sent */
  correctReply: Reply
  withdrawReply: Reply
  heading: ReactNode
  children?: ReactNode
}) {
  const { t, date } = useT()
  const withdrawAsked = useConfirmationAsked(`withdraw-decision-${d.id}`)
  const withdrawn = d.status === 'withdrawn'
  return (
    <li id={`decision-${d.id}`} className={withdrawn ? 'decision-withdrawn' : undefined}>
      <p>
        <strong className="mono">{d.code}</strong>{' '}
        <DecisionStatusBadge status={d.status} corrected={d.corrigenda.length > 0} />
        {heading}
      </p>
      {withdrawn ? <s>{d.text}</s> : <p>{d.text}</p>}
      {d.withdrawal ? (
        <p className="alert info">
          {t('decisionsOwners.withdrawnOn', {
            date: date(d.withdrawal.at, 'date'),
            reason: d.withdrawal.reason,
          })}
        </p>
      ) : null}
      {d.corrigenda.length ? (
        <details open={!!correctReply}>
          <summary>{t('decisionsOwners.history', { count: d.corrigenda.length })}</summary>
          <ol className="list-plain stack">
            {d.corrigenda.map((c) => (
              <li key={c.number}>
                <p className="small">
                  <strong>
                    {t('decisionsOwners.corrigendum', {
                      number: c.number,
                      date: date(c.createdAt, 'date'),
                      name: c.by,
                    })}
                  </strong>
                </p>
                <p className="small">
                  {t('decisionsOwners.reason')}: {c.reason}
                </p>
                <p className="small muted">
                  {t('decisionsOwners.previousText')}: <del>{c.previousText}</del>
                </p>
                <p className="small">
                  {t('decisionsOwners.newText')}: <ins>{c.text}</ins>
                </p>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {children}
      {manage && !withdrawn ? (
        <>
          <details className="decision-manage" open={!!correctReply}>
            <summary>{t('decisionsOwners.correctTitle')}</summary>
            <p className="muted small">{t('decisionsOwners.correctExplain')}</p>
            <FormErrors errors={replyErrors(correctReply, '')} />
            <Form method="post" className="stack">
              <input type="hidden" name="intent" value="correct" />
              <input type="hidden" name="decisionId" value={d.id} />
              <input type="hidden" name="revision" value={d.revision} />
              <ReplyTextArea
                reply={correctReply}
                name="textEs"
                id={`correct-es-${d.id}`}
                label={t('meetings.decisions.textEs')}
                defaultValue={d.textEs ?? ''}
                rows={4}
              />
              <ReplyTextArea
                reply={correctReply}
                name="textEn"
                id={`correct-en-${d.id}`}
                label={t('meetings.decisions.textEn')}
                defaultValue={d.textEn ?? ''}
                rows={4}
              />
              <ReplyTextArea
                reply={correctReply}
                name="reason"
                id={`correct-reason-${d.id}`}
                label={t('decisionsOwners.reason')}
                rows={2}
              />
              <div>
                <button type="submit">{t('decisionsOwners.correctSubmit')}</button>
              </div>
            </Form>
          </details>
          <details className="decision-manage" open={!!withdrawReply || withdrawAsked}>
            <summary>{t('decisionsOwners.withdrawTitle')}</summary>
            <p className="muted small">{t('decisionsOwners.withdrawExplain')}</p>
            <FormErrors errors={replyErrors(withdrawReply, '')} />
            <ConfirmForm
              intent="withdraw"
              confirmKey={`withdraw-decision-${d.id}`}
              formClassName="stack"
              fields={{ decisionId: d.id }}
              label={t('decisionsOwners.withdrawSubmit')}
              title={t('confirm.decision.title', { code: d.code })}
              text={t('confirm.decision.text')}
              confirmLabel={t('decisionsOwners.withdrawSubmit')}
            >
              <ReplyTextArea
                reply={withdrawReply}
                name="reason"
                id={`withdraw-reason-${d.id}`}
                label={t('decisionsOwners.reason')}
                rows={2}
                required
              />
            </ConfirmForm>
          </details>
        </>
      ) : null}
    </li>
  )
}
