import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { apiError, apiJson, optionalApiViewer, requireApiViewer } from '~/modules/api/http.server'
import {
  apiErrorFrom,
  apiLang,
  decodeCursor,
  documentRecord,
  encodeCursor,
  invalid,
  listItem,
  validationFields,
} from '~/modules/documents/api.server'
import { createDocument, getDocumentDetails, listDocuments } from '~/modules/documents/documents.server'
import {
  formValues,
  ListQuerySchema,
  NEW_DOCUMENT_FIELDS,
  NewDocumentSchema,
} from '~/modules/documents/schemas'
import { discardTemp, parseUpload } from '~/modules/documents/storage.server'

const LIMIT = 50

// GET /api/v1/documents?q=&kind=&meeting=&group=&lang=&year=&organization=&sort=&cursor=
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = optionalApiViewer(request)
  const params = new URL(request.url).searchParams
  const query = ListQuerySchema.parse(Object.fromEntries(params))
  const offset = decodeCursor(params.get('cursor'))
  const { items, hasMore } = listDocuments(viewer, query, { limit: LIMIT, offset, lang: apiLang(viewer) })
  return apiJson({ items: items.map(listItem), nextCursor: hasMore ? encodeCursor(offset + LIMIT) : null })
}

// POST /api/v1/documents (multipart: file, title, kind, language, visibility, group?, meeting?,
// embargoUntil?, and the optional metadata of the upload form). Unknown fields are ignored.
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') {
    return apiError(405, 'method_not_allowed', 'Use GET or POST.', undefined, { Allow: 'GET, POST' })
  }
  const viewer = requireApiViewer(request)
  const lang = apiLang(viewer)
  let upload
  try {
    upload = await parseUpload(request)
  } catch (error) {
    return apiErrorFrom(error, lang)
  }
  const { fields, file } = upload
  const parsed = NewDocumentSchema.safeParse(formValues(fields, NEW_DOCUMENT_FIELDS))
  if (!parsed.success || !file) {
    discardTemp(file)
    const errors = parsed.success ? {} : validationFields(parsed.error, lang)
    if (!file) errors.file = [lang === 'es' ? 'Elija un archivo.' : 'Choose a file.']
    return invalid(errors)
  }
  try {
    const { id } = await createDocument(viewer, parsed.data, file)
    const details = getDocumentDetails(viewer, id)!
    return apiJson(documentRecord(details), 201, { Location: `/api/v1/documents/${id}` })
  } catch (error) {
    return apiErrorFrom(error, lang)
  }
}
