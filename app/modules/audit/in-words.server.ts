/**
 * The audit log in people's words, for /admin/audit and its CSV: each entry as a sentence in the
 * reader's language ("Ana Quintero (Panamá) uploaded the document «…»"), naming the person and their
 * organization and linking to the record it is about. The log itself stays as recorded (audit.server.ts);
 * this only reads it. Only the secretariat reaches it (the route checks 'audit.read').
 */
import { eq, inArray } from 'drizzle-orm'
import { db } from '@db/client'
import { actionItems, documents, groups, meetings, organizations, people, plans } from '@db/schema'
import { hasMessage, translator } from '~/i18n/catalogue.server'
import { localized, type Lang } from '~/i18n/core'
import type { MessageKey } from '~/i18n'
import { AUDIT_ACTS } from '~/i18n/messages/audit-acts'
import { tableCsv } from '~/modules/core/table-export.server'
import { listAudit, type AuditFilters } from './audit.server'

/** Areas of the kind-of-act filter, in this order; each one's acts follow it. */
export const AUDIT_AREAS = [
  'auth',
  'account',
  'person',
  'document',
  'meeting',
  'agenda',
  'minutes',
  'decision',
  'delegation',
  'action',
  'group',
  'plan',
] as const

/** The kind-of-act filter: per area, "all of the area" (a prefix) and each act (an exact kind). */
export function auditKindOptions(lang: Lang) {
  const { t } = translator(lang)
  return AUDIT_AREAS.map((area) => {
    const areaName = t(`audit.area.${area}`)
    const acts = AUDIT_ACTS.filter((a) =>
      area === 'account'
        ? a.startsWith('account.') || a.startsWith('calendarFeed.') || a.startsWith('secondFactor.')
        : area === 'auth'
          ? a.startsWith('auth.') || a.startsWith('request.')
          : area === 'plan'
            ? a.startsWith('plan.') || a.startsWith('suggestion.')
            : a.startsWith(`${area}.`),
    )
    return {
      label: areaName,
      options: [
        { value: `${area}.`, label: t('audit.area.all', { area: areaName }) },
        ...acts.map((a) => ({ value: a, label: t(`audit.act.${a}`) })),
      ],
    }
  })
}

/** A kind of act chosen in the filter: an area's prefix ("document.") or one exact kind. */
export function isAuditKind(value: string): boolean {
  return (
    (AUDIT_AREAS as readonly string[]).some((a) => value === `${a}.`) ||
    (AUDIT_ACTS as readonly string[]).includes(value)
  )
}

interface Target {
  label: string
  href: string | null
}

/** The records the entries are about, by type, in one query per type. */
function resolveTargets(items: { targetType: string | null; targetId: string | null }[], lang: Lang) {
  const ids = (type: string) => [
    ...new Set(items.filter((i) => i.targetType === type && i.targetId).map((i) => i.targetId!)),
  ]
  const out = new Map<string, Target>()
  const put = (type: string, id: string, label: string, href: string | null) =>
    out.set(`${type}:${id}`, { label, href })
  const docIds = ids('document')
  if (docIds.length)
    for (const d of db
      .select({ id: documents.id, es: documents.titleEs, en: documents.titleEn, ref: documents.reference })
      .from(documents)
      .where(inArray(documents.id, docIds))
      .all())
      put('document', d.id, localized(lang, d.es, d.en) || d.ref, `/documents/${d.id}`)
  const meetingIds = ids('meeting')
  if (meetingIds.length)
    for (const m of db
      .select({ id: meetings.id, es: meetings.titleEs, en: meetings.titleEn })
      .from(meetings)
      .where(inArray(meetings.id, meetingIds))
      .all())
      put('meeting', m.id, localized(lang, m.es, m.en), `/meetings/${m.id}`)
  const actionIds = ids('action_item')
  if (actionIds.length)
    for (const a of db
      .select({ id: actionItems.id, es: actionItems.titleEs, en: actionItems.titleEn })
      .from(actionItems)
      .where(inArray(actionItems.id, actionIds))
      .all())
      put('action_item', a.id, localized(lang, a.es, a.en), `/actions/${a.id}`)
  const planIds = ids('plan')
  if (planIds.length)
    for (const p of db
      .select({ id: plans.id, es: plans.titleEs, en: plans.titleEn })
      .from(plans)
      .where(inArray(plans.id, planIds))
      .all())
      put('plan', p.id, localized(lang, p.es, p.en), `/plans/${p.id}`)
  const groupIds = ids('group')
  if (groupIds.length)
    for (const g of db
      .select({ id: groups.id, slug: groups.slug, es: groups.nameEs, en: groups.nameEn })
      .from(groups)
      .where(inArray(groups.id, groupIds))
      .all())
      put('group', g.id, localized(lang, g.es, g.en), `/groups/${g.slug}`)
  return out
}

interface Person {
  name: string
  email: string
  organization: string | null
}

function resolvePeople(ids: string[], lang: Lang) {
  const found = new Map<string, Person>()
  if (!ids.length) return found
  const rows = db
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      orgEs: organizations.nameEs,
      orgEn: organizations.nameEn,
    })
    .from(people)
    .leftJoin(organizations, eq(organizations.id, people.organizationId))
    .where(inArray(people.id, ids))
    .all()
  for (const r of rows)
    found.set(r.id, {
      name: r.name,
      email: r.email,
      organization: r.orgEs || r.orgEn ? localized(lang, r.orgEs, r.orgEn) : null,
    })
  return found
}

export type AuditInWords = ReturnType<typeof listAuditInWords>['items'][number]

/** A page of the log, newest first, each entry with its sentence, person and record. */
export function listAuditInWords(filters: AuditFilters, lang: Lang, limit?: number) {
  const { t } = translator(lang)
  const { items, nextBefore } = listAudit(filters, limit)
  const persons = resolvePeople(
    [
      ...new Set(
        items.flatMap((e) => [
          ...(e.actorId ? [e.actorId] : []),
          ...(e.targetType === 'person' && e.targetId ? [e.targetId] : []),
        ]),
      ),
    ],
    lang,
  )
  const targets = resolveTargets(items, lang)
  return {
    nextBefore,
    items: items.map((e) => {
      const actor = e.actorId ? persons.get(e.actorId) : undefined
      const who = actor
        ? actor.organization
          ? `${actor.name} (${actor.organization})`
          : actor.name
        : (e.actorEmail ?? t('audit.nobody'))
      const known = hasMessage(`audit.act.${e.action}`)
      const act = known ? t(`audit.act.${e.action}` as MessageKey) : t('audit.act.other')
      const did = known ? t(`audit.did.${e.action}` as MessageKey) : act.toLowerCase()
      let target: Target | null = null
      if (e.targetType === 'person' && e.targetId) {
        const p = persons.get(e.targetId)
        if (p && p.email !== actor?.email)
          target = { label: p.name, href: `/admin/people?q=${encodeURIComponent(p.email)}` }
      } else if (e.targetType && e.targetId) {
        target = targets.get(`${e.targetType}:${e.targetId}`) ?? null
      }
      const sentence =
        e.outcome === 'ok'
          ? t('audit.sentence.ok', { who, did })
          : t(`audit.sentence.${e.outcome}`, { who, act: act.toLowerCase() })
      return {
        id: e.id,
        at: e.at,
        action: e.action,
        act,
        outcome: e.outcome,
        sentence,
        actor: actor ? { name: who, href: `/admin/people?q=${encodeURIComponent(actor.email)}` } : null,
        actorEmail: actor?.email ?? e.actorEmail,
        target,
        record: e.targetType ? { type: e.targetType, id: e.targetId } : null,
        ip: e.ip,
        details: e.details ? JSON.stringify(e.details, null, 1) : null,
      }
    }),
  }
}

/** The page's query string as the log's filters (allowlisted by AuditFiltersSchema). Days are whole
 * UTC days: "to" includes the last millisecond of its day. */
export function auditFiltersOf(filters: {
  actor?: string
  action?: string
  outcome?: AuditFilters['outcome']
  from?: string
  to?: string
  before?: number
}): AuditFilters {
  return {
    actor: filters.actor,
    action: filters.action,
    outcome: filters.outcome,
    from: filters.from ? new Date(`${filters.from}T00:00:00.000Z`) : undefined,
    to: filters.to ? new Date(`${filters.to}T23:59:59.999Z`) : undefined,
    before: filters.before,
  }
}

/** The most rows one CSV carries (newest first); narrow the filters for older ones. */
export const AUDIT_CSV_LIMIT = 5000

/** The filtered log as CSV, in the reader's language, the sentence first. */
export function auditCsv(filters: AuditFilters, lang: Lang) {
  const { t } = translator(lang)
  const { items } = listAuditInWords(filters, lang, AUDIT_CSV_LIMIT)
  return tableCsv({
    name: t('admin.audit.title'),
    columns: [
      { header: t('admin.audit.when'), width: 20 },
      { header: t('audit.col.sentence'), width: 60 },
      { header: t('audit.col.target'), width: 40 },
      { header: t('audit.col.kind'), width: 24 },
      { header: t('admin.audit.outcome'), width: 12 },
      { header: t('audit.col.email'), width: 30 },
      { header: t('admin.audit.ip'), width: 16 },
      { header: t('admin.audit.details'), width: 40 },
    ],
    rows: items.map((e) => [
      new Date(e.at).toISOString().replace('T', ' ').slice(0, 19),
      e.sentence,
      e.target?.label ?? '',
      e.act,
      t(`admin.audit.outcome.${e.outcome}`),
      e.actorEmail ?? '',
      e.ip ?? '',
      e.details?.replace(/\n\s*/g, ' ') ?? '',
    ]),
  })
}
