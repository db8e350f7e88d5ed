import type { LoaderFunctionArgs } from '@remix-run/node'
import { childJobUnavailable } from '~/modules/core/child-jobs.server'
import { isDomainError } from '~/modules/core/domain-error.server'
import { pageFailure } from '~/modules/core/form-reply.server'
import { contentDisposition } from '~/modules/documents/storage.server'
import { LetterQuerySchema } from '~/modules/meetings/delegation-forms.server'
import { meetingPageContext } from '~/modules/meetings/http.server'
import { invitationLetterPdf } from '~/modules/meetings/invitation-letter.server'

// /meetings/:id/participants/:memberId/letter.pdf?language=es|en: the member's official invitation
// letter, for the secretariat, their focal point and the member themselves; 404 for anyone else.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, lang, meeting } = meetingPageContext(request, params.id)
  const { language } = LetterQuerySchema.parse({
    language: new URL(request.url).searchParams.get('language') ?? lang,
  })
  try {
    const { bytes, filename } = await invitationLetterPdf(viewer, meeting, params.memberId ?? '', language)
    return new Response(new Uint8Array(bytes), {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': contentDisposition(filename),
        'Content-Security-Policy': 'sandbox',
        'Cache-Control': 'private, no-store',
      },
    })
  } catch (error) {
    if (isDomainError(error)) pageFailure(error)
    return childJobUnavailable(error, lang)
  }
}
