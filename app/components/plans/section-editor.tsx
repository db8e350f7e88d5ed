// The editor of one section's text in one language, and the conflict view: when the save overlapped
// changes made since, the current text, the difference to the person's text, and their text in the box
// to merge by hand (saving then starts from the current revision). Works without JavaScript.
import { Form, Link } from '@remix-run/react'
import { ReplyInput, ReplyTextArea } from '~/components/reply-fields'
import type { Reply } from '~/components/form-reply'
import { useT } from '~/i18n/use-t'

export interface ConflictState {
  sectionId: string
  lang: 'es' | 'en'
  revision: number
  text: string
  yours: string
  diff: { value: string; added: boolean; removed: boolean }[]
}

export function SectionEditor({
  planId,
  sectionId,
  lang,
  revision,
  text,
  conflict,
  reply,
}: {
  planId: string
  sectionId: string
  lang: 'es' | 'en'
  revision: number
  text: string
  conflict: ConflictState | null
  reply: Reply
}) {
  const { t } = useT()
  const langName = t(`plans.lang.${lang}`)
  return (
    <div className="card">
      {conflict ? (
        <div className="alert warn" role="alert">
          <p>
            <strong>{t('plans.conflictTitle')}</strong>
          </p>
          <p>{t('plans.conflictHelp', { revision: conflict.revision })}</p>
        </div>
      ) : null}
      {conflict ? (
        <div className="plan-texts">
          <div>
            <h4>{t('plans.currentText', { revision: conflict.revision })}</h4>
            <pre className="plan-source">{conflict.text}</pre>
          </div>
          <div>
            <h4>{t('plans.difference')}</h4>
            <p className="plan-diff">
              {conflict.diff.map((p, i) =>
                p.added ? (
                  <ins key={i}>{p.value}</ins>
                ) : p.removed ? (
                  <del key={i}>{p.value}</del>
                ) : (
                  <span key={i}>{p.value}</span>
                ),
              )}
            </p>
          </div>
        </div>
      ) : null}
      <Form method="post" className="stack plan-editor" key={conflict ? `c${conflict.revision}` : 'e'}>
        <input type="hidden" name="sectionId" value={sectionId} />
        <input type="hidden" name="lang" value={lang} />
        <input type="hidden" name="baseRevision" value={conflict ? conflict.revision : revision} />
        <ReplyTextArea
          reply={reply}
          name="text"
          id={`text-${sectionId}`}
          label={conflict ? t('plans.yourText') : t('plans.text', { lang: langName })}
          hint={t('plans.markdownHint')}
          rows={12}
          defaultValue={conflict ? conflict.yours : text}
        />
        <ReplyInput
          reply={reply}
          name="note"
          id={`note-${sectionId}`}
          label={t('plans.note')}
          maxLength={500}
        />
        <div>
          <button type="submit" name="intent" value="save">
            {t('plans.save')}
          </button>{' '}
          <Link to={`/plans/${planId}#s-${sectionId}`}>{t('common.cancel')}</Link>
        </div>
      </Form>
    </div>
  )
}
