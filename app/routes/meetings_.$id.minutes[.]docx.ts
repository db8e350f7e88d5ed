import type { LoaderFunctionArgs } from '@remix-run/node'
import { meetingPageContext } from '~/modules/meetings/http.server'
import { officialMinutesResponse } from '~/modules/meetings/minutes-document.server'

// The adopted minutes as one official document (docx), for whoever may read them.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, lang, meeting } = meetingPageContext(request, params.id)
  return officialMinutesResponse(viewer, meeting, lang, 'docx')
}
