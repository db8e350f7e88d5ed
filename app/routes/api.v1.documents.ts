import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import {
  apiFailure,
  apiJson,
  apiLang,
  methodNotAllowed,
  optionalApiViewer,
  requireApiViewer,
} from '~/modules/api/http.server'
import {
  decodeCursor,
  documentRecord,
  encodeCursor,
  listItem,
  readApiUpload,
} from '~/modules/documents/api.server'
import { NEW_DOCUMENT_FIELDS } from '~/modules/documents/constants'
import { getDocumentDetails } from '~/modules/documents/details.server'
import { listDocumentsRead, readListQuery } from '~/modules/documents/queries.server'
import { formValues, NewDocumentSchema } from '~/modules/documents/schemas'
import { createDocument } from '~/modules/documents/writes.server'
import { withReads } from '~/modules/core/read-busy.server'

const LIMIT = 50

// GET /api/v1/documents?q=&kind=&meeting=&group=&lang=&year=&organization=&sort=&cursor=
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = optionalApiViewer(request)
  const params = new URL(request.url).searchParams
  const offset = decodeCursor(params.get('cursor'))
  const { items, hasMore } = await withReads(
    apiLang(viewer),
    () =>
      listDocumentsRead(viewer, readListQuery(params), {
        limit: LIMIT,
        offset,
        lang: apiLang(viewer),
      }),
    { api: true },
  )
  return apiJson({ items: items.map(listItem), nextCursor: hasMore ? encodeCursor(offset + LIMIT) : null })
}

// POST /api/v1/documents (multipart: file, title, kind, language, visibility, group?, meeting?,
// agendaItem? (of that meeting), embargoUntil?, and the optional metadata of the upload form). Unknown
// fields are ignored.
export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== 'POST') {
    return methodNotAllowed('GET', 'POST')
  }
  const viewer = requireApiViewer(request)
  const lang = apiLang(viewer)
  const upload = await readApiUpload(request, viewer, lang, NewDocumentSchema, (f) =>
    formValues(f, NEW_DOCUMENT_FIELDS),
  )
  if (upload.failure) return upload.failure
  try {
    const { id } = await createDocument(viewer, upload.value, upload.file)
    return apiJson(documentRecord(getDocumentDetails(viewer, id)!), 201, {
      Location: `/api/v1/documents/${id}`,
    })
  } catch (error) {
    return apiFailure(error, lang)
  }
}
