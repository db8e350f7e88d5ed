/**
 * Demo data for a new database (DEMO_DATA=on): the real structure of the RCM plus fictional people,
 * including the demo accounts listed in the README ("Demo logins").
 */
import { hashPassword } from '../../app/modules/auth/password.server'
import { db, type Tx } from '../client'
import { buildDemoDocumentFiles, seedDemoDocuments } from './documents'
import { seedDemoMeetings } from './meetings'
import { seedDemoDelegations } from './delegations'
import { seedDemoActions } from './actions'
import { seedDemoPlans } from './plans'
import { seedDemoPlanMatrix } from './plan-matrix'
import { seedDemoPlanWord } from './plan-word'
import { seedDemoPlanRounds } from './plan-rounds'
import { seedDemoDecisionsOwners } from './decisions-owners'
import { seedDemoProcedures } from './procedures'
import { seedDemoNotifications } from './notifications'
import { groupMemberships, groupOrganizations, groups, organizations, people, ptpYears } from '../schema'
import type { Lang } from '../../app/i18n/core'
import type { GroupRole } from '../../app/modules/groups/constants'
import type { PersonRole } from '../../app/modules/members/constants'
import {
  CIVIL_SOCIETY,
  GROUPS,
  MEMBER_STATES,
  NATIONAL_INSTITUTIONS,
  OBSERVER_ORGANIZATIONS,
  OBSERVER_STATES,
  PPT,
  SECRETARIAT,
  type OrgSeed,
} from './structure'

export const DEMO_PASSWORD = 'rcm-demo-2026'

export interface DemoAccount {
  email: string
  name: string
  title: string
  org: string
  institution?: string
  role: PersonRole
  language: Lang
  groups?: [slug: string, role: GroupRole][]
  label: string
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: 'secretariat@rcm.example',
    name: 'Lucía Fernández Mora',
    title: 'Programme Officer, Executive Secretariat',
    org: 'SECRETARIAT',
    role: 'secretariat',
    language: 'es',
    label: 'Executive Secretariat (manages everything)',
  },
  {
    email: 'pa.focal@rcm.example',
    name: 'Ana Isabel Quintero',
    title: 'Directora de Política Migratoria',
    org: 'PA',
    institution: 'PA-MIRE',
    role: 'focal_point',
    language: 'es',
    groups: [['border-management', 'commenter']],
    label: 'Panama, focal point (member state; PPT 2023)',
  },
  {
    email: 'pa.snm@rcm.example',
    name: 'Rogelio Batista Núñez',
    title: 'Jefe de la UATIM',
    org: 'PA',
    institution: 'PA-SNM',
    role: 'delegate',
    language: 'es',
    groups: [['pa-smuggling-plan', 'drafter']],
    label: 'Panama, Servicio Nacional de Migración (plan drafter)',
  },
  {
    email: 'mx.delegate@rcm.example',
    name: 'Mariana Ortega Salinas',
    title: 'Directora General Adjunta, SRE',
    org: 'MX',
    institution: 'MX-SRE',
    role: 'delegate',
    language: 'es',
    groups: [['labor-migration', 'commenter']],
    label: 'Mexico, delegate (member state)',
  },
  {
    email: 'co.observer@rcm.example',
    name: 'Andrés Felipe Rojas',
    title: 'Primer Secretario, Cancillería',
    org: 'CO',
    role: 'delegate',
    language: 'es',
    label: 'Colombia (observer country)',
  },
  {
    email: 'iom@rcm.example',
    name: 'Sarah Whitfield',
    title: 'Regional Migration Policy Officer',
    org: 'IOM',
    role: 'focal_point',
    language: 'en',
    groups: [['pa-smuggling-plan', 'drafter']],
    label: 'IOM (observer organization; plan drafter)',
  },
  {
    email: 'unhcr@rcm.example',
    name: 'Jean-Marc Dubois',
    title: 'Senior Protection Officer',
    org: 'UNHCR',
    role: 'focal_point',
    language: 'en',
    label: 'UNHCR (observer organization; in no drafting group)',
  },
]

// Fictional delegations for the other states and organizations.
const FIRST = [
  'Carlos',
  'María',
  'José',
  'Elena',
  'Luis',
  'Patricia',
  'Jorge',
  'Gabriela',
  'Ricardo',
  'Sofía',
  'Daniel',
  'Valeria',
  'Héctor',
  'Camila',
  'Óscar',
  'Natalia',
]
const LAST = [
  'Gómez',
  'Rodríguez',
  'Martínez',
  'Hernández',
  'López',
  'Pérez',
  'Castillo',
  'Morales',
  'Vargas',
  'Jiménez',
  'Ramírez',
  'Cruz',
  'Flores',
  'Reyes',
  'Sánchez',
  'Aguilar',
]
const EN_FIRST = ['James', 'Emily', 'Michael', 'Olivia', 'David', 'Grace', 'Robert', 'Hannah']
const EN_LAST = ['Thompson', 'Clarke', 'Bennett', 'Campbell', 'Mitchell', 'Fraser', 'Walker', 'Young']

function fictionalName(i: number, english: boolean) {
  return english
    ? `${EN_FIRST[i % EN_FIRST.length]} ${EN_LAST[(i * 3 + 1) % EN_LAST.length]}`
    : `${FIRST[i % FIRST.length]} ${LAST[(i * 5 + 2) % LAST.length]}`
}

const ENGLISH_SPEAKING = new Set(['BZ', 'CA', 'US', 'JM'])

function insertOrg(tx: Tx, o: OrgSeed, ids: Map<string, string>, sortOrder: number) {
  const row = tx
    .insert(organizations)
    .values({
      code: o.code,
      kind: o.kind,
      nameEn: o.nameEn,
      nameEs: o.nameEs,
      acronym: o.acronym ?? null,
      parentId: o.parent ? ids.get(o.parent)! : null,
      sortOrder,
    })
    .returning({ id: organizations.id })
    .get()
  ids.set(o.code, row.id)
}

/** The structure alone (organizations, PPT, groups): also used by the empty install and the bench. */
export function seedStructure(tx: Tx): Map<string, string> {
  const ids = new Map<string, string>()
  const all = [...MEMBER_STATES, ...OBSERVER_STATES, ...OBSERVER_ORGANIZATIONS, ...CIVIL_SOCIETY, SECRETARIAT]
  all.forEach((o, i) => insertOrg(tx, o, ids, i))
  NATIONAL_INSTITUTIONS.forEach((o, i) => insertOrg(tx, o, ids, 100 + i))
  for (const p of PPT) {
    tx.insert(ptpYears)
      .values({ year: p.year, organizationId: p.code ? ids.get(p.code)! : null, note: p.note ?? null })
      .run()
  }
  for (const g of GROUPS) {
    const row = tx
      .insert(groups)
      .values({
        slug: g.slug,
        kind: g.kind,
        nameEn: g.nameEn,
        nameEs: g.nameEs,
        descriptionEn: g.descriptionEn ?? null,
        descriptionEs: g.descriptionEs ?? null,
        active: g.active ?? true,
      })
      .returning({ id: groups.id })
      .get()
    ids.set(`group:${g.slug}`, row.id)
    for (const code of g.organizations ?? []) {
      tx.insert(groupOrganizations)
        .values({ groupId: row.id, organizationId: ids.get(code)! })
        .run()
    }
  }
  return ids
}

export interface SeedDemoOptions {
  /** `before-plans`: the demo data as a release before plans wrote it, for the migration tests: no
   * plans, and the group roles of then (chair, member, drafter: commenters and readers were members) */
  release?: 'before-plans'
}

export async function seedDemo(options: SeedDemoOptions = {}) {
  const beforePlans = options.release === 'before-plans'
  const roleAsWritten = (role: GroupRole) =>
    (beforePlans && (role === 'commenter' || role === 'reader') ? 'member' : role) as GroupRole
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  // Generating PDFs and Word files is asynchronous: done before the (synchronous) transaction.
  const demoFiles = await buildDemoDocumentFiles()
  db.transaction(
    (tx) => {
      const ids = seedStructure(tx)
      const personIds = new Map<string, string>()
      const addPerson = (
        p: Omit<DemoAccount, 'label'> & { status?: 'active' | 'invited'; totpExempt?: boolean },
      ) => {
        const row = tx
          .insert(people)
          .values({
            email: p.email,
            name: p.name,
            title: p.title,
            organizationId: ids.get(p.org)!,
            institutionId: p.institution ? ids.get(p.institution)! : null,
            role: p.role,
            language: p.language,
            status: p.status ?? 'active',
            passwordHash: p.status === 'invited' ? null : passwordHash,
            totpExempt: p.totpExempt ?? false,
            phone:
              p.status === 'invited' ? null : `+506 2212 ${String(5300 + personIds.size).padStart(4, '0')}`,
          })
          .returning({ id: people.id })
          .get()
        personIds.set(p.email, row.id)
        for (const [slug, role] of p.groups ?? []) {
          tx.insert(groupMemberships)
            .values({ groupId: ids.get(`group:${slug}`)!, personId: row.id, role: roleAsWritten(role) })
            .run()
        }
      }
      for (const a of DEMO_ACCOUNTS) addPerson({ ...a, totpExempt: a.role === 'secretariat' })

      // More fictional delegates: a focal point and two delegates per member state, one person per
      // observer state and organization, a second secretariat officer, one pending invitation.
      let n = 0
      const workingGroups = ['border-management', 'labor-migration', 'irregular-mass-migration', 'protection']
      for (const s of MEMBER_STATES) {
        const english = ENGLISH_SPEAKING.has(s.code)
        const lc = s.code.toLowerCase()
        const roles: ['focal_point' | 'delegate', string][] = [
          ['focal_point', 'focal'],
          ['delegate', 'delegate1'],
          ['delegate', 'delegate2'],
        ]
        for (const [role, suffix] of roles) {
          const email = `${lc}.${suffix}@rcm.example`
          if (personIds.has(email) || (s.code === 'PA' && role === 'focal_point')) continue
          const wg = workingGroups[n % workingGroups.length]
          addPerson({
            email,
            name: fictionalName(n++, english),
            title: english ? 'Senior Policy Adviser' : 'Asesor/a de Política Migratoria',
            org: s.code,
            role,
            language: english ? 'en' : 'es',
            groups: [
              [wg, role === 'focal_point' ? 'chair' : 'commenter'],
              // Panama's national plan group also has a reader and a commenter
              ...(s.code === 'PA'
                ? [
                    ['pa-smuggling-plan', suffix === 'delegate1' ? 'reader' : 'commenter'] as [
                      string,
                      GroupRole,
                    ],
                  ]
                : []),
            ],
          })
        }
      }
      for (const o of [...OBSERVER_STATES, ...OBSERVER_ORGANIZATIONS, ...CIVIL_SOCIETY]) {
        const email = `${o.code.toLowerCase()}.focal@rcm.example`
        if (o.code === 'CO' || o.code === 'IOM' || o.code === 'UNHCR') continue
        const english = ENGLISH_SPEAKING.has(o.code) || o.kind === 'international_organization'
        addPerson({
          email,
          name: fictionalName(n++, english),
          title: english ? 'Liaison Officer' : 'Oficial de Enlace',
          org: o.code,
          role: 'focal_point',
          language: english ? 'en' : 'es',
          groups: o.code === 'UNODC' ? [['pa-smuggling-plan', 'drafter']] : [],
        })
      }
      addPerson({
        email: 'pa.minseg@rcm.example',
        name: 'Itzel Cedeño Vega',
        title: 'Asesora Legal',
        org: 'PA',
        institution: 'PA-MINSEG',
        role: 'delegate',
        language: 'es',
        // the Ministry of Public Security chairs the National Commission, and the plan's group
        groups: [['pa-smuggling-plan', 'chair']],
      })
      addPerson({
        email: 'secretariat2@rcm.example',
        name: 'Tomás Villalobos Araya',
        title: 'Technical Officer, Executive Secretariat',
        org: 'SECRETARIAT',
        role: 'secretariat',
        language: 'es',
        totpExempt: true,
      })
      addPerson({
        email: 'gt.newdelegate@rcm.example',
        name: 'Rosa Elvira Tzul',
        title: 'Delegada (invitación pendiente)',
        org: 'GT',
        institution: 'GT-IGM',
        role: 'delegate',
        language: 'es',
        status: 'invited',
      })

      // Each later capability (documents, meetings, actions, plans) adds a call here to its own seeder,
      // e.g. seedDemoDocuments(tx, { ids, people: personIds }).
      // Meetings first: they set `meeting:<key>` in ids for the seeders after them.
      seedDemoMeetings(tx, { ids, people: personIds })
      // members without an account exist from drizzle/0019 on
      if (!beforePlans) seedDemoDelegations(tx, { ids, people: personIds })
      seedDemoDocuments(tx, { ids, people: personIds, files: demoFiles })
      if (!beforePlans) seedDemoPlans(tx, { ids, people: personIds })
      seedDemoActions(tx, { ids, people: personIds })
      if (!beforePlans) seedDemoPlanMatrix(tx, { ids, people: personIds })
      if (!beforePlans) seedDemoPlanRounds(tx, { ids, people: personIds })
      if (!beforePlans) seedDemoDecisionsOwners(tx, { ids, people: personIds })
      if (!beforePlans) seedDemoNotifications(tx, { people: personIds })
    },
    { behavior: 'immediate' },
  )
  if (!beforePlans) await seedDemoPlanWord()
  if (!beforePlans) seedDemoProcedures()
}
