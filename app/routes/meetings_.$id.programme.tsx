import type { LoaderFunctionArgs } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { pageTitle } from '~/i18n/meta'
import { useT } from '~/i18n/use-t'
import { meetingProgramme } from '~/modules/meetings/programme.server'
import { meetingPageContext } from '~/modules/meetings/http.server'

export const meta = pageTitle<typeof loader>((t, data) =>
  [data?.programme.heading ?? t('meetingsRun.programme'), data?.programme.title, t('app.name')]
    .filter(Boolean)
    .join(' · '),
)

// The printable programme of a meeting, in either working language (`?in=es|en`, whatever the
// interface's language): a page of its own, and the print stylesheet keeps only the programme.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, meeting } = meetingPageContext(request, params.id)
  const asked = new URL(request.url).searchParams.get('in')
  const inLang = asked === 'es' || asked === 'en' ? asked : lang
  const other: 'es' | 'en' = inLang === 'es' ? 'en' : 'es'
  return { programme: meetingProgramme(meeting, inLang), other }
}

export default function Programme() {
  const { programme: p, other } = useLoaderData<typeof loader>()
  const { t } = useT()
  return (
    <article className="meetings-print meetings-programme" lang={p.lang}>
      <p className="small meetings-noprint">
        <Link to={`/meetings/${p.id}`}>{t('meetingsRun.backToMeeting')}</Link> ·{' '}
        <Link to={`?in=${other}`} hrefLang={other}>
          {t('meetingsRun.programmeIn', { language: t(`meetingsRun.language.${other}`) })}
        </Link>
      </p>
      <h1>
        {p.heading}
        <br />
        <span className="meetings-programme-title">{p.title}</span>
      </h1>
      {p.theme ? <p className="meetings-theme">{p.theme}</p> : null}
      <p>
        {p.when}
        {p.place ? (
          <>
            <br />
            {p.place}
          </>
        ) : null}
      </p>
      {p.days.map((day) => (
        <section key={day.key} aria-labelledby={`day-${day.key}`} className="meetings-programme-day">
          {day.heading ? <h2 id={`day-${day.key}`}>{day.heading}</h2> : null}
          <table className="meetings-print-table">
            <tbody>
              {day.items.map((item) => (
                <tr key={item.id} className={item.depth ? 'meetings-subitem' : undefined}>
                  <td className="meetings-programme-time">{item.time}</td>
                  <th scope="row">
                    {item.number}. {item.title}
                    {item.presenter ? (
                      <>
                        <br />
                        <span className="small">{item.presenter}</span>
                      </>
                    ) : null}
                  </th>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </article>
  )
}

export { RouteErrorBoundary as ErrorBoundary } from '~/components/route-error-boundary'
