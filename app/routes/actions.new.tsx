import { parseWithZod } from '~/modules/core/conform.server'
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { ActionForm } from '~/components/actions'
import { translator } from '~/i18n'
import { useT } from '~/i18n/use-t'
import { assertCan } from '~/modules/access/assert.server'
import { actionFormOptions, createAction, decisionPrefill } from '~/modules/actions/actions.server'
import { actionFailure } from '~/modules/actions/http.server'
import { ActionFormSchema } from '~/modules/actions/schemas'
import { requireViewer } from '~/modules/auth/viewer.server'
import { resolveLang } from '~/modules/i18n/lang.server'
import type { RootData } from '~/root'

export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === 'root')?.data as RootData | undefined
  const { t } = translator(root?.lang ?? 'es')
  return [{ title: `${t('actions.new.title')} · ${t('app.name')}` }]
}

// Secretariat only. `?decision=ID` (or its code) starts from a decision: origin, title and meeting;
// `?agendaItem=ID` and `?group=slug` preset those origins.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = requireViewer(request)
  assertCan(viewer, 'action.create')
  const lang = resolveLang(request, viewer)
  const url = new URL(request.url)
  const decisionParam = url.searchParams.get('decision')
  const decision = decisionParam ? decisionPrefill(viewer, decisionParam, lang) : null
  if (decisionParam && !decision) throw new Response(null, { status: 404 })
  const agendaItem = url.searchParams.get('agendaItem') ?? ''
  const group = url.searchParams.get('group') ?? ''
  const values: Record<string, string | string[]> = decision
    ? {
        originType: 'decision',
        decision: decision.code,
        titleEs: decision.titleEs ?? '',
        titleEn: decision.titleEn ?? '',
      }
    : {
        originType: agendaItem ? 'agenda_item' : group ? 'group' : 'none',
        agendaItem: /^[A-Za-z0-9_-]{1,64}$/.test(agendaItem) ? agendaItem : '',
        group: /^[a-z0-9-]{1,100}$/.test(group) ? group : '',
      }
  return {
    options: actionFormOptions(lang),
    values: { priority: 'medium', owners: [], supporting: [], focalPeople: [], ...values },
    decision: decision
      ? {
          code: decision.code,
          text: decision.text,
          meeting: decision.meeting.title,
          meetingId: decision.meeting.id,
        }
      : null,
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = requireViewer(request)
  assertCan(viewer, 'action.create')
  const submission = parseWithZod(await request.formData(), { schema: ActionFormSchema })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  try {
    const { id } = createAction(viewer, submission.value)
    return redirect(`/actions/${id}`)
  } catch (error) {
    return actionFailure(error, submission)
  }
}

export default function NewAction() {
  const { options, values, decision } = useLoaderData<typeof loader>()
  const reply = useActionData<typeof action>()?.result
  const { t } = useT()
  return (
    <>
      <p className="small">
        {decision ? (
          <Link to={`/meetings/${decision.meetingId}/decisions`}>{t('actions.new.backToDecisions')}</Link>
        ) : (
          <Link to="/actions">{t('actions.back')}</Link>
        )}
      </p>
      <h1>{t('actions.new.title')}</h1>
      <p className="muted">{t('actions.new.intro')}</p>
      <ActionForm
        reply={reply}
        values={values}
        options={options}
        submitLabel="actions.new.submit"
        fixedDecision={decision}
      />
    </>
  )
}
