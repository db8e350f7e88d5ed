/**
 * The notice said once: after an act, its redirect carries what happened ("Document «X» deleted") and,
 * where the record allows it, an Undo form, in a short-lived cookie; the root loader reads it, clears
 * it and the layout shows it on the next page only (a reload does not repeat it, and a form answered
 * with errors never stands beside it: the notice went with the page before). The cookie holds a message
 * key and its parameters, never text: a forged cookie could only show the person a catalogue message.
 * Undo is an ordinary POST to the record's page, which checks permission, audits and refuses when the
 * record has moved on.
 */
import { redirect } from '@remix-run/node'
import { hasMessage, type MessageKey } from '~/i18n/catalogue.server'

const COOKIE = 'rcm_notice'

export interface Notice {
  key: MessageKey
  params?: Record<string, string | number>
  /** an Undo button: a POST of `fields` to `action` (a path of this site) */
  undo?: { action: string; fields: Record<string, string> }
}

const encode = (notice: Notice) => Buffer.from(JSON.stringify(notice), 'utf8').toString('base64url')

export function noticeCookie(notice: Notice): string {
  return `${COOKIE}=${encode(notice)}; Path=/; Max-Age=120; HttpOnly; SameSite=Lax`
}

/** `return redirectWithNotice('/documents', { key: 'confirm.done.documentDeleted', params: { title } })` */
export function redirectWithNotice(url: string, notice: Notice, headers: Record<string, string> = {}) {
  const out = new Headers(headers)
  out.append('Set-Cookie', noticeCookie(notice))
  return redirect(url, { headers: out })
}

function parse(raw: string): Notice | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'))
    if (!value || typeof value !== 'object') return null
    const { key, params, undo } = value as Record<string, unknown>
    if (typeof key !== 'string' || !hasMessage(key)) return null
    const notice: Notice = { key }
    if (params && typeof params === 'object') {
      notice.params = Object.fromEntries(
        Object.entries(params).filter(([, v]) => typeof v === 'string' || typeof v === 'number'),
      ) as Record<string, string | number>
    }
    if (undo && typeof undo === 'object') {
      const { action, fields } = undo as Record<string, unknown>
      if (typeof action === 'string' && /^\/[^/\\]/.test(action) && fields && typeof fields === 'object') {
        notice.undo = {
          action,
          fields: Object.fromEntries(
            Object.entries(fields).filter(([, v]) => typeof v === 'string'),
          ) as Record<string, string>,
        }
      }
    }
    return notice
  } catch {
    return null
  }
}

/** The root loader's part: the pending notice, and the Set-Cookie that clears it (null when none). */
export function takeNotice(request: Request): { notice: Notice | null; clear: string | null } {
  const header = request.headers.get('Cookie') ?? ''
  const match = header.match(new RegExp(`(?:^|;\\s*)${COOKIE}=([^;]*)`))
  if (!match) return { notice: null, clear: null }
  return { notice: parse(match[1]), clear: `${COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax` }
}
