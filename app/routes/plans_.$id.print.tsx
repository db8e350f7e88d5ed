import type { LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { requireViewer } from '~/modules/auth/viewer.server'
import { notFoundResponse } from '~/modules/core/form-reply.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import { SECTION_LANGS } from '~/modules/plans/constants'
import { bracketNames, renderSection } from '~/modules/plans/render.server'
import { outputLang, planContent } from '~/modules/plans/word-content.server'

export const meta = pageTitle<typeof loader>((t, data) =>
  [data?.plan.title, t('planWord.print.title'), t('app.name')].filter(Boolean).join(' · '),
)

// /plans/:id/print?lang=&stage=: the whole plan on one page for printing, as it stands or as it stood
// when a stage began; the choice is a GET form, so it works without JavaScript. Members of the plan's
// group and the secretariat; anyone else gets the 404 page.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  const search = new URL(request.url).searchParams
  const lang = outputLang(search, resolveLang(request, viewer))
  const content = planContent(viewer, params.id ?? '', { lang, stage: search.get('stage') })
  if (!content) throw notFoundResponse()
  const { sections, ...plan } = content
  return {
    plan,
    sections: (() => {
      const names = bracketNames(
        sections.map((s) => s.text),
        lang,
      )
      return sections.map(({ text, brackets: _b, ...s }) => ({
        ...s,
        html: text ? renderSection(text, names) : '',
      }))
    })(),
  }
}

export default function PrintablePlan() {
  const { plan, sections } = useLoaderData<typeof loader>()
  const { t, date } = useT()
  const stage = plan.asOf?.stage ?? ''
  const query = new URLSearchParams({ lang: plan.lang, ...(stage ? { stage } : {}) }).toString()
  return (
    <article className="plan-print" lang={plan.lang}>
      <div className="plan-noprint">
        <p className="small">
          <Link to={`/plans/${plan.id}`}>{t('planWord.print.back')}</Link> · {t('planWord.print.hint')}
        </p>
        <Form method="get" className="plan-print-choice">
          <fieldset>
            <legend>{t('planWord.output.legend')}</legend>
            <label htmlFor="print-lang">{t('planWord.output.lang')}</label>
            <select id="print-lang" name="lang" defaultValue={plan.lang}>
              {SECTION_LANGS.map((l) => (
                <option key={l} value={l}>
                  {t(`plans.lang.${l}`)}
                </option>
              ))}
            </select>
            <label htmlFor="print-stage">{t('planWord.output.stage')}</label>
            <select id="print-stage" name="stage" defaultValue={stage}>
              <option value="">{t('planWord.output.current')}</option>
              {plan.stages.map((s) => (
                <option key={s.stage} value={s.stage}>
                  {t('planWord.output.atStage', { stage: t(`plans.stage.${s.stage}`), date: date(s.at) })}
                </option>
              ))}
            </select>
            <button type="submit">{t('planWord.output.show')}</button>
          </fieldset>
        </Form>
        <p>
          <a href={`/plans/${plan.id}.docx?${query}`} download>
            {t('planWord.output.download')}
          </a>
        </p>
      </div>
      <header className="plan-print-title">
        <h1>{plan.title}</h1>
        <p>{plan.group}</p>
        <p>
          {plan.asOf
            ? t('planWord.asOfLine', { stage: t(`plans.stage.${plan.asOf.stage}`), date: date(plan.asOf.at) })
            : t('planWord.stageLine', { stage: t(`plans.stage.${plan.stage}`) })}
        </p>
        <p>{t('planWord.versionLine', { lang: t(`plans.lang.${plan.lang}`) })}</p>
        {plan.brackets.total ? (
          <p className="small">
            {t('plans.brackets', { count: plan.brackets.total })}. {t('planWord.bracketLegend')}
          </p>
        ) : null}
      </header>
      {sections.map((s) => {
        const H = s.depth === 0 ? 'h2' : s.depth === 1 ? 'h3' : 'h4'
        return (
          <section key={s.id} aria-labelledby={`p-${s.id}`} className="plan-print-section">
            <H id={`p-${s.id}`}>
              {s.number} {s.title}
            </H>
            {s.textLang && s.textLang !== plan.lang ? (
              <p className="muted small">
                {t('planWord.otherLanguage', { lang: t(`plans.lang.${s.textLang}`) })}
              </p>
            ) : null}
            {s.html ? (
              <div
                className="plan-markdown"
                lang={s.textLang ?? undefined}
                dangerouslySetInnerHTML={{ __html: s.html }}
              />
            ) : (
              <p className="muted">{t('planWord.noText')}</p>
            )}
          </section>
        )
      })}
    </article>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
