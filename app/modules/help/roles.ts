// The help pages' content: one page per role, each a list of what the role can do and numbered steps,
// every step with the page it happens on. The words are messages (app/i18n/messages/help.ts).
import type { MessageKey } from '~/i18n'

export const HELP_ROLES = ['delegate', 'focal-point', 'secretariat', 'agency'] as const
export type HelpRole = (typeof HELP_ROLES)[number]

export function isHelpRole(v: string | undefined): v is HelpRole {
  return (HELP_ROLES as readonly string[]).includes(v ?? '')
}

interface HelpPage {
  title: MessageKey
  summary: MessageKey
  can: MessageKey[]
  steps: { text: MessageKey; to: string; link: MessageKey }[]
}

export const HELP_PAGES: Record<HelpRole, HelpPage> = {
  delegate: {
    title: 'help.role.delegate',
    summary: 'help.role.delegate.summary',
    can: [
      'help.role.delegate.can1',
      'help.role.delegate.can2',
      'help.role.delegate.can3',
      'help.role.delegate.can4',
    ],
    steps: [
      { text: 'help.role.delegate.step1', to: '/login', link: 'nav.signIn' },
      { text: 'help.role.delegate.step2', to: '/meetings', link: 'nav.meetings' },
      { text: 'help.role.delegate.step3', to: '/documents', link: 'nav.documents' },
      { text: 'help.role.delegate.step4', to: '/actions', link: 'nav.actions' },
      { text: 'help.role.delegate.step5', to: '/groups', link: 'nav.groups' },
      { text: 'help.role.delegate.step6', to: '/account', link: 'nav.account' },
    ],
  },
  'focal-point': {
    title: 'help.role.focal',
    summary: 'help.role.focal.summary',
    can: ['help.role.focal.can1', 'help.role.focal.can2', 'help.role.focal.can3', 'help.role.focal.can4'],
    steps: [
      { text: 'help.role.focal.step1', to: '/meetings', link: 'nav.meetings' },
      { text: 'help.role.focal.step2', to: '/members', link: 'nav.members' },
      { text: 'help.role.focal.step3', to: '/documents/new', link: 'nav.documents' },
      { text: 'help.role.focal.step4', to: '/actions/board', link: 'nav.actions' },
      { text: 'help.role.focal.step5', to: '/search', link: 'nav.search' },
    ],
  },
  secretariat: {
    title: 'help.role.secretariat',
    summary: 'help.role.secretariat.summary',
    can: [
      'help.role.secretariat.can1',
      'help.role.secretariat.can2',
      'help.role.secretariat.can3',
      'help.role.secretariat.can4',
    ],
    steps: [
      { text: 'help.role.secretariat.step1', to: '/meetings/new', link: 'nav.meetings' },
      { text: 'help.role.secretariat.step2', to: '/invite', link: 'admin.people.invite' },
      { text: 'help.role.secretariat.step3', to: '/admin/people', link: 'nav.admin' },
      { text: 'help.role.secretariat.step4', to: '/actions/new', link: 'nav.actions' },
      { text: 'help.role.secretariat.step5', to: '/actions/board', link: 'actions.board.title' },
    ],
  },
  agency: {
    title: 'help.role.agency',
    summary: 'help.role.agency.summary',
    can: ['help.role.agency.can1', 'help.role.agency.can2', 'help.role.agency.can3', 'help.role.agency.can4'],
    steps: [
      { text: 'help.role.agency.step1', to: '/groups', link: 'nav.groups' },
      { text: 'help.role.agency.step2', to: '/plans', link: 'nav.plans' },
      { text: 'help.role.agency.step3', to: '/meetings', link: 'nav.meetings' },
      { text: 'help.role.agency.step4', to: '/actions', link: 'nav.actions' },
    ],
  },
}
