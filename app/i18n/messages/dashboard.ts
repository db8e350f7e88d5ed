// The dashboard at / (signed in) and the public landing page (signed out).
import { defineMessages } from '../core'

export const dashboard = defineMessages({
  en: {
    'dashboard.greeting': 'Welcome, {name}',
    'dashboard.profile.title': 'Your organization',
    'dashboard.profile.role': 'Your role',
    'dashboard.profile.institution': 'Institution',
    'dashboard.groups.title': 'Your working groups',
    'dashboard.groups.empty': 'You are not in any working group yet.',
    'dashboard.groups.all': 'See all working groups',
    'dashboard.ptp.title': 'Pro-Tempore Presidency {year}',
    'dashboard.ptp.unknown': 'Not recorded',
    'dashboard.ptp.troika': 'Troika (previous, current and next presidency)',
    'dashboard.ptp.history': 'Presidencies by year',
    'dashboard.membership.title': 'Membership',
    'dashboard.membership.chart': 'Participating states and organizations by kind',
    'dashboard.membership.kind': 'Kind',
    'dashboard.membership.count': 'Number',
    'dashboard.links.title': 'Quick links',
    'dashboard.admin.pending': {
      zero: 'No pending invitations',
      one: '{count} person with a pending invitation',
      other: '{count} people with pending invitations',
    },
    'dashboard.admin.failed': {
      zero: 'No failed sign-ins in the last 24 hours',
      one: '{count} failed sign-in in the last 24 hours',
      other: '{count} failed sign-ins in the last 24 hours',
    },
    'dashboard.landing.title': 'Portal of the Regional Conference on Migration',
    'dashboard.landing.about':
      'The Regional Conference on Migration (RCM), also known as the Puebla Process, is the forum where {count} member states of North America, Central America and the Caribbean coordinate migration policy by consensus, with observer countries, international organizations and civil society.',
    'dashboard.landing.portal':
      'This portal is where delegations, the Pro-Tempore Presidency and the Executive Secretariat prepare meetings, share documents, follow up on agreed actions and draft plans together. Access is by invitation.',
    'dashboard.landing.signIn': 'Sign in to the portal',
    'dashboard.landing.allMembers': 'All members and observers',
  },
  es: {
    'dashboard.greeting': 'Bienvenido/a, {name}',
    'dashboard.profile.title': 'Su organización',
    'dashboard.profile.role': 'Su función',
    'dashboard.profile.institution': 'Institución',
    'dashboard.groups.title': 'Sus grupos de trabajo',
    'dashboard.groups.empty': 'Aún no forma parte de ningún grupo de trabajo.',
    'dashboard.groups.all': 'Ver todos los grupos de trabajo',
    'dashboard.ptp.title': 'Presidencia Pro Tempore {year}',
    'dashboard.ptp.unknown': 'Sin registro',
    'dashboard.ptp.troika': 'Troika (presidencia anterior, actual y siguiente)',
    'dashboard.ptp.history': 'Presidencias por año',
    'dashboard.membership.title': 'Membresía',
    'dashboard.membership.chart': 'Estados y organizaciones participantes por tipo',
    'dashboard.membership.kind': 'Tipo',
    'dashboard.membership.count': 'Número',
    'dashboard.links.title': 'Accesos rápidos',
    'dashboard.admin.pending': {
      zero: 'No hay invitaciones pendientes',
      one: '{count} persona con invitación pendiente',
      other: '{count} personas con invitación pendiente',
    },
    'dashboard.admin.failed': {
      zero: 'Ningún inicio de sesión fallido en las últimas 24 horas',
      one: '{count} inicio de sesión fallido en las últimas 24 horas',
      other: '{count} inicios de sesión fallidos en las últimas 24 horas',
    },
    'dashboard.landing.title': 'Portal de la Conferencia Regional sobre Migración',
    'dashboard.landing.about':
      'La Conferencia Regional sobre Migración (CRM), también conocida como Proceso Puebla, es el foro en el que {count} Estados miembros de América del Norte, Centroamérica y el Caribe coordinan la política migratoria por consenso, con países observadores, organismos internacionales y la sociedad civil.',
    'dashboard.landing.portal':
      'En este portal las delegaciones, la Presidencia Pro Tempore y la Secretaría Ejecutiva preparan las reuniones, comparten documentos, dan seguimiento a las acciones acordadas y redactan planes en conjunto. El acceso es por invitación.',
    'dashboard.landing.signIn': 'Iniciar sesión en el portal',
    'dashboard.landing.allMembers': 'Todos los miembros y observadores',
  },
})
