import { DEFAULT_LANG, isLang, type Lang } from '~/i18n/core'
import { readCookie } from '~/modules/auth/session.server'
import type { Viewer } from '~/modules/access/viewer'

/** ?lang= first (the switch), then the remembered choice, then the person's preference, then the
 * browser's Accept-Language, then Spanish. */
export function resolveLang(request: Request, viewer: Viewer | null): Lang {
  const q = new URL(request.url).searchParams.get('lang')
  if (isLang(q)) return q
  const cookie = readCookie(request, 'lang')
  if (isLang(cookie)) return cookie
  if (viewer) return viewer.language
  const accept = request.headers.get('Accept-Language') ?? ''
  for (const part of accept.split(',')) {
    const code = part.trim().slice(0, 2).toLowerCase()
    if (isLang(code)) return code
  }
  return DEFAULT_LANG
}
