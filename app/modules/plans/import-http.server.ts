/**
 * The import of a Word document as pages and the upload-progress endpoint receive it: a plan's own
 * refusals (hidden: 404; not allowed, not empty) are told before the body is read; then the form is
 * read (the file limited while it streams), the document imported, and the answer is the summary or
 * the form's reply to the refusal (a 404 is thrown as the 404 page).
 */
import type { Viewer } from '~/modules/access/viewer'
import { formFailure } from '~/modules/core/form-reply.server'
import { checkTarget, importPlanDocx, type ImportSummary } from './import.server'
import { NewPlanImportSchema, PlanImportSchema, readImportForm } from './word-forms.server'

export type ImportAnswer =
  | { summary: ImportSummary; failure: null }
  | { summary: null; failure: Response | unknown }

export async function importFromRequest(
  request: Request,
  viewer: Viewer,
  planId: string | null,
): Promise<ImportAnswer> {
  if (planId) {
    try {
      checkTarget(viewer, { planId })
    } catch (error) {
      return { summary: null, failure: formFailure(error, null) }
    }
    const form = await readImportForm(request, viewer, PlanImportSchema)
    if (form.failure) return { summary: null, failure: form.failure }
    try {
      return { summary: await importPlanDocx(viewer, { planId }, form.file), failure: null }
    } catch (error) {
      return { summary: null, failure: formFailure(error, form.submission) }
    }
  }
  const form = await readImportForm(request, viewer, NewPlanImportSchema)
  if (form.failure) return { summary: null, failure: form.failure }
  const v = form.value
  try {
    const target = { newPlan: { groupId: v.group, title: v.title, originalLanguage: v.originalLanguage } }
    return { summary: await importPlanDocx(viewer, target, form.file), failure: null }
  } catch (error) {
    return { summary: null, failure: formFailure(error, form.submission) }
  }
}

/** The same answer as JSON, for the upload with progress: 201 with the summary, or the API's error shape
 * with the messages (i18n keys) at their fields. */
export async function importAsJson(request: Request, viewer: Viewer, planId: string | null) {
  let answer: ImportAnswer
  try {
    answer = await importFromRequest(request, viewer, planId)
  } catch (thrown) {
    if (thrown instanceof Response) return thrown
    throw thrown
  }
  if (answer.summary)
    return Response.json(answer.summary, { status: 201, headers: { 'Cache-Control': 'no-store' } })
  const failure = answer.failure as {
    data: { result: { error?: Record<string, string[] | null> } }
    init: ResponseInit | null
  }
  const fields = Object.fromEntries(
    Object.entries(failure.data.result.error ?? {}).filter((e): e is [string, string[]] => !!e[1]?.length),
  )
  return Response.json(
    {
      error: { code: 'refused', message: Object.values(fields)[0]?.[0] ?? 'documents.uploadFailed', fields },
    },
    {
      status: failure.init?.status ?? 400,
      headers: { 'Cache-Control': 'no-store', ...(failure.init?.headers ?? {}) },
    },
  )
}
