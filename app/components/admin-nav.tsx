import { NavLink } from '@remix-run/react'
import type { MessageKey } from '~/i18n'
import { useT } from '~/i18n/use-t'

const SECTIONS: { to: string; key: MessageKey }[] = [
  { to: '/admin/people', key: 'admin.nav.people' },
  { to: '/admin/audit', key: 'admin.nav.audit' },
  { to: '/admin/outbox', key: 'admin.nav.outbox' },
]

/** The sub-navigation of the secretariat's administration pages. */
export function AdminNav() {
  const { t } = useT()
  return (
    <nav className="admin-nav" aria-label={t('admin.nav.label')}>
      <ul>
        {SECTIONS.map((s) => (
          <li key={s.to}>
            <NavLink to={s.to}>{t(s.key)}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}
