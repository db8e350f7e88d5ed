import { pageTitle } from '~/i18n/meta'
import { shortNamesByCode } from '~/modules/members/organizations.server'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { FormErrors } from '~/components/forms'
import { AddSectionForm, SectionTools, StageForm } from '~/components/plans/plan-tools'
import { SectionDiscussion } from '~/components/plans/section-discussion'
import { SectionEditor, type ConflictState } from '~/components/plans/section-editor'
import { SectionMatrixSummary } from '~/components/plans/matrix'
import { PlanWordLinks } from '~/components/plans/word-links'
import { replyErrors, replyValue } from '~/components/form-reply'
import { useT } from '~/i18n/use-t'
import { requireViewer } from '~/modules/auth/viewer.server'
import { formFailure, NO_STORE, notFoundResponse } from '~/modules/core/form-reply.server'
import { parseForm } from '~/modules/core/forms.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { addComment, decideSuggestion, resolveComment, suggest } from '~/modules/plans/comments.server'
import { matrixBySection } from '~/modules/plans/matrix.server'
import { planPage } from '~/modules/plans/page.server'
import { wordLinks } from '~/modules/plans/publish.server'
import {
  AddSectionSchema,
  CommentFormSchema,
  DecideSchema,
  ResolveSchema,
  SectionSaveSchema,
  SectionToolSchema,
  StageSchema,
  SuggestSchema,
} from '~/modules/plans/forms.server'
import type { PlanStage, SectionKind, SectionStatus } from '~/modules/plans/constants'
import {
  addSection,
  changeStage,
  moveSection,
  reparentSection,
  saveSection,
  setSectionRetired,
  updateSection,
} from '~/modules/plans/writing.server'
import { FollowButton } from '~/components/follow-button'
import { followState } from '~/modules/notifications/notifications.server'

export const meta = pageTitle<typeof loader>(
  (t, data) => `${data?.plan.title ?? t('plans.title')} · ${t('app.name')}`,
)

// Members of the plan's group and the secretariat; anyone else gets the 404 page, as for no plan.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const lang = resolveLang(request, viewer)
  const search = new URL(request.url).searchParams
  const editId = search.get('edit')
  const editLang = search.get('in') === 'en' ? 'en' : search.get('in') === 'es' ? 'es' : null
  const plan = planPage(viewer, params.id ?? '', lang, {
    edit: editId ? { sectionId: editId, lang: editLang ?? 'es' } : null,
  })
  if (!plan) throw notFoundResponse()
  const saved = search.get('saved')
  return {
    plan,
    // the one section whose tools (move, place under, status, retire) are open: rendering them for
    // every section would repeat the list of all sections in each (a 50-section plan's page grew
    // quadratically)
    manage: search.get('manage'),
    // the one section whose forms to suggest and comment are drawn without JavaScript (the others' on
    // request: components/plans/section-discussion.tsx)
    discuss: search.get('discuss'),
    matrix: matrixBySection(viewer, plan.id, lang),
    // brackets are marked with their organization's code in the text; the counts name them
    bracketOrgs: shortNamesByCode(Object.keys(plan.brackets.byOrganization), lang),
    word: wordLinks(viewer, plan.id),
    follow: followState(viewer, 'plan', plan.id, request),
    saved: saved
      ? { sectionId: saved, revision: Number(search.get('rev')) || 0, merged: search.get('merged') === '1' }
      : null,
  }
}

// Saves (from the revision the person opened: merged with the changes since when they do not overlap,
// else the conflict view), comments, replies, resolving, suggestions and their decision. A form sent
// after the session ended comes back 401 with its fields (requireViewer), so no text is lost.
export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = requireViewer(request)
  const planId = params.id ?? ''
  const formData = await request.formData()
  const intent = String(formData.get('intent') ?? '')
  const back = (sectionId?: string, extra = '') =>
    redirect(`/plans/${planId}${extra}${sectionId ? `#s-${sectionId}` : ''}`)
  const schemas = {
    save: SectionSaveSchema,
    comment: CommentFormSchema,
    resolve: ResolveSchema,
    suggest: SuggestSchema,
    decide: DecideSchema,
    stage: StageSchema,
    addSection: AddSectionSchema,
    move: SectionToolSchema,
    reparent: SectionToolSchema,
    retire: SectionToolSchema,
    restore: SectionToolSchema,
    status: SectionToolSchema,
  } as const
  if (!(intent in schemas)) throw new Response(null, { status: 400 })
  const submission = parseForm(formData, schemas[intent as keyof typeof schemas])
  if (submission.status !== 'success') {
    return data({ intent, result: submission.reply(), conflict: null }, { status: 400, headers: NO_STORE })
  }
  try {
    const v = submission.value as Record<string, string | number | undefined>
    switch (intent) {
      case 'save': {
        const input = submission.value as {
          sectionId: string
          lang: 'es' | 'en'
          baseRevision: number
          text: string
          note?: string
        }
        const r = saveSection(viewer, planId, input.sectionId, { ...input, mode: 'merge' })
        return back(
          input.sectionId,
          `?saved=${input.sectionId}&rev=${r.revision}${r.merged ? '&merged=1' : ''}`,
        )
      }
      case 'comment':
        addComment(viewer, planId, {
          sectionId: String(v.sectionId),
          body: String(v.body),
          quote: (v.quote as string | undefined) ?? null,
          parentId: (v.parentId as string | undefined) ?? null,
        })
        return back(String(v.sectionId))
      case 'resolve':
        resolveComment(viewer, planId, String(v.commentId))
        return back()
      case 'suggest':
        suggest(viewer, planId, {
          sectionId: String(v.sectionId),
          baseRevision: Number(v.baseRevision),
          quote: (v.quote as string | undefined) ?? null,
          replacement: String(v.replacement),
          note: v.note as string | undefined,
        })
        return back(String(v.sectionId))
      case 'stage':
        changeStage(viewer, planId, v.stage as PlanStage, (v.note as string | undefined) ?? '')
        return back()
      case 'addSection': {
        const added = addSection(viewer, planId, {
          kind: v.kind as SectionKind,
          parentId: (v.parentId as string | undefined) ?? null,
          titleEs: v.titleEs as string | undefined,
          titleEn: v.titleEn as string | undefined,
          text: v.text as string | undefined,
        })
        return back(added)
      }
      case 'move':
        moveSection(viewer, planId, String(v.sectionId), v.direction === 'down' ? 'down' : 'up')
        return back(String(v.sectionId), `?manage=${String(v.sectionId)}`)
      case 'reparent':
        reparentSection(viewer, planId, String(v.sectionId), (v.parentId as string | undefined) ?? null)
        return back(String(v.sectionId), `?manage=${String(v.sectionId)}`)
      case 'retire':
      case 'restore':
        setSectionRetired(viewer, planId, String(v.sectionId), intent === 'retire')
        return back(String(v.sectionId), `?manage=${String(v.sectionId)}`)
      case 'status':
        updateSection(viewer, planId, String(v.sectionId), { status: v.status as SectionStatus })
        return back(String(v.sectionId), `?manage=${String(v.sectionId)}`)
      case 'decide':
        decideSuggestion(
          viewer,
          planId,
          String(v.suggestionId),
          v.decision === 'accept' ? { accept: true } : { accept: false, reason: String(v.reason ?? '') },
        )
        return back()
      default:
        throw new Response(null, { status: 400 })
    }
  } catch (error) {
    return formFailure(error, submission, intent)
  }
}

const heading = (depth: number) => (depth === 0 ? 'h2' : depth === 1 ? 'h3' : 'h4')

export default function PlanPage() {
  const { plan, matrix, saved, manage, discuss, word, follow, bracketOrgs } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t, date } = useT()
  const orgs = Object.entries(plan.brackets.byOrganization)
  const result = actionData?.result
  const conflict = (actionData?.conflict ?? null) as ConflictState | null
  // which section a refused form belonged to, so that its message and text show there
  const failedSection = replyValue(result, 'sectionId')
  const replyFor = (sectionId: string) => (intent: string) =>
    actionData?.intent === intent && (!failedSection || failedSection === sectionId) ? result : undefined
  return (
    <>
      <p className="small">
        <Link to="/plans">{t('plans.back')}</Link>
      </p>
      <h1>{plan.title}</h1>
      <p>
        <Link to={`/groups/${plan.group.slug}`}>{plan.group.name}</Link>{' '}
        <span className="badge">{t(`plans.stage.${plan.stage}`)}</span>{' '}
        {plan.role ? (
          <span className="muted small">
            {t('plans.yourRole', { role: t(`groups.role.${plan.role as 'chair'}`) })}
          </span>
        ) : null}
      </p>
      <FollowButton recordType="plan" recordId={plan.id} {...follow} />
      {plan.locked ? (
        <p className="card">{t('plans.locked', { stage: t(`plans.stage.${plan.stage}`) })}</p>
      ) : null}
      {saved && !actionData ? (
        <div className="alert ok" role="status">
          <p>{t(saved.merged ? 'plans.savedMerged' : 'plans.saved', { revision: saved.revision })}</p>
        </div>
      ) : null}
      {actionData && !conflict && !failedSection ? <FormErrors errors={replyErrors(result, '')} /> : null}
      <ul className="plan-counts">
        <li>
          <strong>{t('plans.brackets', { count: plan.brackets.total })}</strong>
          {orgs.length ? (
            <span className="muted small">
              {' '}
              ({orgs.map(([org, n]) => `${bracketOrgs[org] ?? org}: ${n}`).join(', ')})
            </span>
          ) : null}
        </li>
        <li>{t('plans.openComments', { count: plan.openComments })}</li>
        <li>{t('plans.pendingSuggestions', { count: plan.pendingSuggestions })}</li>
        <li>
          <Link to={`/plans/${plan.id}/matrix`}>{t('planMatrix.link')}</Link>
        </li>
        <li>
          <Link to={`/plans/${plan.id}/rounds`}>{t('planRounds.link')}</Link> ·{' '}
          <Link to={`/plans/${plan.id}/comments`}>{t('planRounds.matrixLink')}</Link>
        </li>
      </ul>
      <PlanWordLinks planId={plan.id} links={word} />

      {plan.can.changeStage ? (
        <StageForm stage={plan.stage} reply={actionData?.intent === 'stage' ? result : undefined} />
      ) : null}

      <nav aria-labelledby="plan-contents" className="plan-contents">
        <h2 id="plan-contents">{t('plans.contents')}</h2>
        <ol>
          {plan.sections
            .filter((s) => !s.retired && s.number)
            .map((s) => (
              <li key={s.id} className={`plan-toc-depth-${Math.min(s.depth, 6)}`}>
                <a href={`#s-${s.id}`}>
                  {s.number} {s.title}
                </a>
              </li>
            ))}
        </ol>
      </nav>

      <h2>{t('plans.sections')}</h2>
      {plan.sections.map((s) => {
        const H = heading(s.depth)
        return (
          <section
            key={s.id}
            id={`s-${s.id}`}
            aria-labelledby={`h-${s.id}`}
            className={s.retired ? 'plan-section retired' : 'plan-section'}
          >
            <H id={`h-${s.id}`}>
              {s.number ? `${s.number} ` : null}
              {s.title} <span className="muted small">{t(`plans.kind.${s.kind}`)}</span>
            </H>
            <p className="small">
              {s.retired ? (
                <span className="badge">{t('plans.retired')}</span>
              ) : (
                <span className={s.status === 'agreed' ? 'badge ok' : 'badge'}>
                  {t(`plans.status.${s.status}`)}
                </span>
              )}{' '}
              {s.brackets.total ? (
                <span className="badge warn">{t('plans.brackets', { count: s.brackets.total })}</span>
              ) : null}{' '}
              {s.leadDrafter ? (
                <span className="muted">{t('plans.leadDrafter', { name: s.leadDrafter.name })}</span>
              ) : null}
            </p>
            {s.texts.length === 0 ? (
              <p className="muted">{t('plans.noText')}</p>
            ) : (
              <div className="plan-texts">
                {s.texts.map((x) => (
                  <div key={x.lang} lang={x.lang} className="plan-text">
                    <p className="muted small">
                      {t(`plans.lang.${x.lang}`)} · {t('plans.revision', { revision: x.revision })}
                      {x.author ? ` · ${x.author}` : ''} · {date(x.savedAt)}
                    </p>
                    {x.outdated ? <p className="badge warn">{t('plans.outdated')}</p> : null}
                    <div className="plan-markdown" dangerouslySetInnerHTML={{ __html: x.html }} />
                  </div>
                ))}
              </div>
            )}
            {matrix[s.id] ? (
              <SectionMatrixSummary row={matrix[s.id]} planId={plan.id} canEdit={plan.can.manageSections} />
            ) : null}
            {(() => {
              const sectionConflict = conflict && conflict.sectionId === s.id ? conflict : null
              const saveReply = replyFor(s.id)('save')
              const editing =
                plan.editing?.sectionId === s.id
                  ? plan.editing
                  : sectionConflict
                    ? {
                        lang: sectionConflict.lang,
                        revision: sectionConflict.revision,
                        text: sectionConflict.text,
                      }
                    : null
              if (s.can.edit && (editing || saveReply)) {
                const e = editing ?? { lang: plan.originalLanguage, revision: s.baseRevision, text: '' }
                return (
                  <>
                    {!sectionConflict ? <FormErrors errors={replyErrors(saveReply, '')} /> : null}
                    <SectionEditor
                      planId={plan.id}
                      sectionId={s.id}
                      lang={e.lang}
                      revision={e.revision}
                      text={e.text}
                      conflict={sectionConflict}
                      reply={saveReply}
                    />
                  </>
                )
              }
              return s.can.edit ? (
                <p className="small">
                  {(['es', 'en'] as const).map((l) => (
                    <Link key={l} to={`?edit=${s.id}&in=${l}#s-${s.id}`} className="button small secondary">
                      {t('plans.edit', { lang: t(`plans.lang.${l}`) })}
                    </Link>
                  ))}
                </p>
              ) : null
            })()}
            {s.texts.length ? (
              <p className="small">
                <Link to={`/plans/${plan.id}/sections/${s.id}`}>{t('plans.revisions')}</Link>
              </p>
            ) : null}
            {failedSection === s.id && actionData?.intent !== 'save' ? (
              <FormErrors errors={replyErrors(result, '')} />
            ) : null}
            {!s.retired ? (
              <SectionDiscussion
                section={s}
                replyOf={replyFor(s.id)}
                forms={discuss === s.id ? 'asked' : 'onRequest'}
              />
            ) : null}
            {plan.can.manageSections
              ? (() => {
                  const toolReply = ['move', 'reparent', 'status', 'retire', 'restore'].includes(
                    actionData?.intent ?? '',
                  )
                    ? replyFor(s.id)(actionData!.intent)
                    : undefined
                  return manage === s.id || toolReply ? (
                    <SectionTools section={s} sections={plan.sections} reply={toolReply} />
                  ) : (
                    <p className="small">
                      <Link to={`?manage=${s.id}#s-${s.id}`}>{t('plans.manage')}</Link>
                    </p>
                  )
                })()
              : null}
          </section>
        )
      })}

      {plan.can.manageSections ? (
        <AddSectionForm
          sections={plan.sections}
          reply={actionData?.intent === 'addSection' ? result : undefined}
        />
      ) : null}

      <section aria-labelledby="plan-history">
        <h2 id="plan-history">{t('plans.history')}</h2>
        <ol>
          {plan.history.map((h, i) => (
            <li key={i}>
              {date(h.at)}: {t('plans.historyEntry', { stage: t(`plans.stage.${h.stage}`), by: h.by ?? '—' })}
              {h.note ? <span className="muted"> · {h.note}</span> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
