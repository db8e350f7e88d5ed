// The chair's stage form, and the drafters' section tools: move up or down, place under another
// section, retire or bring back, set the status, add a section. Plain forms (no JavaScript needed).
import { Form } from '@remix-run/react'
import { ReplyInput, ReplySelect, ReplyTextArea } from '~/components/reply-fields'
import type { Reply } from '~/components/form-reply'
import { useT } from '~/i18n/use-t'
import { PLAN_STAGES, SECTION_KINDS, SECTION_STATUSES, type PlanStage } from '~/modules/plans/constants'

interface SectionChoice {
  id: string
  number: string | null
  title: string
  retired: boolean
}

export function StageForm({ stage, reply }: { stage: PlanStage; reply: Reply }) {
  const { t } = useT()
  return (
    <section aria-labelledby="plan-stage" className="card">
      <h2 id="plan-stage">{t('plans.stageTitle')}</h2>
      <Form method="post" className="filters">
        <ReplySelect
          reply={reply}
          name="stage"
          id="plan-stage-select"
          label={t('plans.stageLabel')}
          defaultValue={stage}
          options={PLAN_STAGES.map((s) => ({ value: s, label: t(`plans.stage.${s}`) }))}
        />
        <ReplyInput
          reply={reply}
          name="note"
          id="plan-stage-note"
          label={t('plans.stageNote')}
          maxLength={500}
        />
        <div>
          <button type="submit" name="intent" value="stage">
            {t('plans.changeStage')}
          </button>
        </div>
      </Form>
    </section>
  )
}

export function SectionTools({
  section,
  sections,
  reply,
}: {
  section: SectionChoice & { parentId: string | null; status: (typeof SECTION_STATUSES)[number] }
  sections: SectionChoice[]
  reply: Reply
}) {
  const { t } = useT()
  const s = section
  const parents = sections.filter(
    (x) => x.id !== s.id && !x.retired && x.number && !x.number.startsWith(`${s.number}.`),
  )
  return (
    <details className="plan-tools" open>
      <summary>{t('plans.manage')}</summary>
      <Form method="post" className="filters">
        <input type="hidden" name="sectionId" value={s.id} />
        <input type="hidden" name="direction" value="up" />
        <button type="submit" name="intent" value="move" className="secondary small">
          {t('plans.moveUp')}
        </button>
      </Form>
      <Form method="post" className="filters">
        <input type="hidden" name="sectionId" value={s.id} />
        <input type="hidden" name="direction" value="down" />
        <button type="submit" name="intent" value="move" className="secondary small">
          {t('plans.moveDown')}
        </button>
      </Form>
      <Form method="post" className="filters">
        <input type="hidden" name="sectionId" value={s.id} />
        <ReplySelect
          reply={reply}
          name="parentId"
          id={`parent-${s.id}`}
          label={t('plans.moveUnder')}
          blank={t('plans.topLevel')}
          defaultValue={s.parentId ?? ''}
          options={parents.map((p) => ({ value: p.id, label: `${p.number} ${p.title}` }))}
        />
        <div>
          <button type="submit" name="intent" value="reparent" className="secondary small">
            {t('plans.move')}
          </button>
        </div>
      </Form>
      <Form method="post" className="filters">
        <input type="hidden" name="sectionId" value={s.id} />
        <ReplySelect
          reply={reply}
          name="status"
          id={`status-${s.id}`}
          label={t('plans.setStatus')}
          defaultValue={s.status}
          options={SECTION_STATUSES.map((x) => ({ value: x, label: t(`plans.status.${x}`) }))}
        />
        <div>
          <button type="submit" name="intent" value="status" className="secondary small">
            {t('plans.saveStatus')}
          </button>
        </div>
      </Form>
      <Form method="post">
        <input type="hidden" name="sectionId" value={s.id} />
        <button
          type="submit"
          name="intent"
          value={s.retired ? 'restore' : 'retire'}
          className="secondary small"
        >
          {s.retired ? t('plans.restore') : t('plans.retire')}
        </button>
      </Form>
    </details>
  )
}

export function AddSectionForm({ sections, reply }: { sections: SectionChoice[]; reply: Reply }) {
  const { t } = useT()
  return (
    <section aria-labelledby="plan-add" className="card">
      <h2 id="plan-add">{t('plans.addSection')}</h2>
      <Form method="post" className="stack">
        <ReplySelect
          reply={reply}
          name="kind"
          id="add-kind"
          label={t('plans.kindLabel')}
          options={SECTION_KINDS.map((k) => ({ value: k, label: t(`plans.kind.${k}`) }))}
        />
        <ReplySelect
          reply={reply}
          name="parentId"
          id="add-parent"
          label={t('plans.parentLabel')}
          blank={t('plans.topLevel')}
          options={sections
            .filter((x) => !x.retired && x.number)
            .map((p) => ({ value: p.id, label: `${p.number} ${p.title}` }))}
        />
        <ReplyInput
          reply={reply}
          name="titleEs"
          id="add-title-es"
          label={t('plans.titleEs')}
          maxLength={300}
        />
        <ReplyInput
          reply={reply}
          name="titleEn"
          id="add-title-en"
          label={t('plans.titleEn')}
          maxLength={300}
        />
        <ReplyTextArea reply={reply} name="text" id="add-text" label={t('plans.firstText')} rows={4} />
        <div>
          <button type="submit" name="intent" value="addSection">
            {t('plans.add')}
          </button>
        </div>
      </Form>
    </section>
  )
}
