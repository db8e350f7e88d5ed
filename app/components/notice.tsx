// The notice said once (modules/core/notice.server.ts): what the last act did, with Undo where the
// record allows it. Shown by the layout on the page after the act only.
import { Form } from '@remix-run/react'
import type { MessageKey } from '~/i18n'
import { useT } from '~/i18n/use-t'

export interface NoticeView {
  key: MessageKey
  params?: Record<string, string | number>
  undo?: { action: string; fields: Record<string, string> }
}

export function SaidOnceNotice({ notice }: { notice: NoticeView }) {
  const { t } = useT()
  return (
    <div className="alert ok notice-once" role="status">
      <p>{t(notice.key, notice.params)}</p>
      {notice.undo ? (
        <Form method="post" action={notice.undo.action} className="inline-form">
          {Object.entries(notice.undo.fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <button type="submit" className="button small secondary">
            {t('confirm.undo')}
          </button>
        </Form>
      ) : null}
    </div>
  )
}
