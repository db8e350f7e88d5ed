/**
 * Demo meetings: the real Vice-Ministerial Meetings and RCGM meetings of the RCM's history with agendas,
 * delegations, adopted minutes and numbered decisions; a members-only RCGM session; a recent working
 * group meeting whose draft minutes are circulating for comment; and meetings ahead of the real clock
 * (a troika meeting and an RCGM meeting with registrations open). People are the fictional demo people.
 * Sets `meeting:<key>` in `ids` (e.g. meeting:VM-XXVIII) for the seeders that run after it.
 */
import { eq, sql } from 'drizzle-orm'
import { zonedToUtc } from '../../app/modules/meetings/time'
import { decisionCode } from '../../app/modules/meetings/codes'
import type { Tx } from '../client'
import { newId } from '../ids'
import {
  agendaItems,
  decisions,
  delegationMembers,
  meetingInvitations,
  meetings,
  minutes,
  minutesComments,
  minutesErrata,
} from '../schema'
import type {
  DelegationRole,
  MeetingKind,
  MeetingOpenness,
  MeetingStatus,
  MinutesStatus,
  RsvpStatus,
} from '../../app/modules/meetings/constants'
import { CIVIL_SOCIETY, MEMBER_STATES, OBSERVER_ORGANIZATIONS, OBSERVER_STATES } from './structure'

const DAY = 24 * 3600 * 1000

interface ItemSeed {
  es: string
  en: string
  /** HH:mm on the meeting's first day, or YYYY-MM-DDTHH:mm */
  at?: string
  minutes?: number
  presenter?: string
  /** Markdown minutes of the item (Spanish, the language of the record) */
  record?: string
  subs?: ItemSeed[]
}
interface DecisionSeed {
  /** index path of the agenda item: [4] or [4, 1] (1-based) */
  item?: number[]
  es: string
  en: string
}
interface DelegateSeed {
  email: string
  org: string
  role: DelegationRole
  rsvp?: RsvpStatus
  attended?: boolean
}
interface MeetingSeed {
  key: string
  kind: MeetingKind
  number?: string
  es: string
  en: string
  themeEs?: string
  themeEn?: string
  /** local date-times YYYY-MM-DDTHH:mm in `tz` */
  start: string
  end: string
  tz: string
  place?: string
  online?: string
  host?: string
  group?: string
  openness?: MeetingOpenness
  status: MeetingStatus
  registrationDeadline?: string
  invited: string[]
  agenda?: ItemSeed[]
  decisions?: DecisionSeed[]
  delegates?: DelegateSeed[]
  /** what happened to the minutes written in `record` */
  minutesStatus?: MinutesStatus
  commentDeadline?: Date
}

const MEMBERS = MEMBER_STATES.map((s) => s.code)
const EVERYONE = [
  ...MEMBERS,
  ...OBSERVER_STATES.map((s) => s.code),
  ...OBSERVER_ORGANIZATIONS.map((o) => o.code),
  ...CIVIL_SOCIETY.map((o) => o.code),
]

const pad = (n: number) => String(n).padStart(2, '0')
/** A local date-time `days` from now at `time` (the real clock: the demo stays current). */
function fromNow(days: number, time: string): string {
  const d = new Date(Date.now() + days * DAY)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${time}`
}

const OPENING: ItemSeed = {
  es: 'Ceremonia de apertura',
  en: 'Opening ceremony',
  at: '09:00',
  minutes: 30,
  presenter: 'Presidencia Pro Tempore',
}
const ADOPT_AGENDA: ItemSeed = {
  es: 'Aprobación del orden del día',
  en: 'Adoption of the agenda',
  at: '09:30',
  minutes: 15,
  presenter: 'Presidencia Pro Tempore',
  record: 'Se aprobó el orden del día sin modificaciones.',
}

function viceMinisterial(
  key: string,
  number: string,
  year: number,
  host: string,
  city: string,
  start: string,
  end: string,
  tz: string,
  extra: Partial<MeetingSeed> = {},
): MeetingSeed {
  return {
    key,
    kind: 'vice_ministerial',
    number,
    es: `${number} Reunión Viceministerial de la Conferencia Regional sobre Migración`,
    en: `${number} Vice-Ministerial Meeting of the Regional Conference on Migration`,
    start,
    end,
    tz,
    place: city,
    host,
    status: 'held',
    invited: EVERYONE,
    minutesStatus: 'adopted',
    agenda: [
      OPENING,
      ADOPT_AGENDA,
      {
        es: `Informe de la Presidencia Pro Tempore ${year}`,
        en: `Report of the ${year} Pro-Tempore Presidency`,
        at: '10:00',
        minutes: 45,
        record: `La Presidencia Pro Tempore presentó su informe de gestión ${year}. Las delegaciones agradecieron el trabajo realizado.`,
      },
      {
        es: 'Declaración y decisiones de la reunión',
        en: 'Declaration and decisions of the meeting',
        at: '11:00',
        minutes: 90,
        record: 'Se adoptaron por consenso la Declaración y las decisiones de la reunión.',
      },
      {
        es: 'Designación de la próxima Presidencia Pro Tempore',
        en: 'Designation of the next Pro-Tempore Presidency',
        at: '13:00',
        minutes: 15,
        record: 'Se designó por consenso a la próxima Presidencia Pro Tempore.',
      },
    ],
    ...extra,
  }
}

function demoMeetings(): MeetingSeed[] {
  return [
    viceMinisterial(
      'VM-XVI',
      'XVI',
      2011,
      'DO',
      'Santo Domingo, República Dominicana',
      '2011-11-16T09:00',
      '2011-11-17T17:00',
      'America/Santo_Domingo',
      {
        decisions: [
          {
            item: [4],
            es: 'Aprobar la publicación "La Conferencia Regional sobre Migración: 15 años" y su difusión entre los Países Miembros.',
            en: 'Approve the publication "The Regional Conference on Migration: 15 Years" and its dissemination among the Member Countries.',
          },
          {
            item: [5],
            es: 'Aceptar el ofrecimiento de la delegación anfitriona para la siguiente Presidencia Pro Tempore.',
            en: 'Accept the offer of the host delegation for the next Pro-Tempore Presidency.',
          },
        ],
      },
    ),
    viceMinisterial(
      'VM-XXI',
      'XXI',
      2016,
      'HN',
      'Omoa / San Pedro Sula, Honduras',
      '2016-11-17T09:00',
      '2016-11-18T17:00',
      'America/Tegucigalpa',
      {
        themeEs: 'Migración, una responsabilidad compartida',
        themeEn: 'Migration, a Shared Responsibility',
        decisions: [
          {
            item: [4],
            es: 'Adoptar los Lineamientos Regionales de Actuación para la Protección Integral de la Niñez y Adolescencia en el Contexto de la Migración.',
            en: 'Adopt the Regional Guidelines for the Comprehensive Protection of Children and Adolescents in the Context of Migration.',
          },
          {
            item: [4],
            es: 'Encargar a la Red de Funcionarios de Enlace en materia de protección consular la actualización de sus guías de trabajo.',
            en: 'Entrust the Liaison Officer Network on consular protection with updating its working guides.',
          },
        ],
      },
    ),
    viceMinisterial(
      'VM-XXIII',
      'XXIII',
      2018,
      'PA',
      'Ciudad de Panamá, Panamá',
      '2018-11-15T09:00',
      '2018-11-16T17:00',
      'America/Panama',
      {
        decisions: [
          {
            item: [4],
            es: 'Aprobar el Plan Estratégico de la CRM 2019-2022.',
            en: 'Approve the RCM Strategic Plan 2019-2022.',
          },
          {
            item: [5],
            es: 'Designar a Guatemala como Presidencia Pro Tempore para 2019.',
            en: 'Designate Guatemala as Pro-Tempore Presidency for 2019.',
          },
        ],
      },
    ),
    viceMinisterial(
      'VM-XXIV',
      'XXIV',
      2019,
      'GT',
      'Ciudad de Guatemala, Guatemala',
      '2019-11-12T09:00',
      '2019-11-14T17:00',
      'America/Guatemala',
      {
        decisions: [
          {
            item: [4],
            es: 'Constituir los Grupos de Trabajo sobre Gestión de Fronteras, Migración Laboral, Migración Irregular y Masiva, y Protección.',
            en: 'Establish the Working Groups on Border Management, Labour Migration, Irregular and Mass Migration, and Protection.',
          },
          {
            item: [4],
            es: 'Transformar la Secretaría Técnica en Secretaría Ejecutiva de la CRM.',
            en: 'Transform the Technical Secretariat into the Executive Secretariat of the RCM.',
          },
          {
            item: [5],
            es: 'Designar a Costa Rica como Presidencia Pro Tempore para 2020.',
            en: 'Designate Costa Rica as Pro-Tempore Presidency for 2020.',
          },
        ],
      },
    ),
    viceMinisterial(
      'VM-XXV',
      'XXV',
      2020,
      'CR',
      '',
      '2020-12-01T09:00',
      '2020-12-04T13:00',
      'America/Costa_Rica',
      {
        place: undefined,
        online: 'https://meet.rcm.example/xxv-reunion-viceministerial',
        decisions: [
          {
            item: [4],
            es: 'Tomar nota de los efectos de la pandemia de COVID-19 en la movilidad humana y pedir a los Grupos de Trabajo que los incorporen en sus planes.',
            en: 'Take note of the effects of the COVID-19 pandemic on human mobility and ask the Working Groups to include them in their plans.',
          },
          {
            item: [5],
            es: 'Designar a México como Presidencia Pro Tempore para 2021.',
            en: 'Designate Mexico as Pro-Tempore Presidency for 2021.',
          },
        ],
      },
    ),
    viceMinisterial(
      'VM-XXVI',
      'XXVI',
      2021,
      'MX',
      'Ciudad de México, México',
      '2021-12-02T09:00',
      '2021-12-02T18:00',
      'America/Mexico_City',
      {
        decisions: [
          {
            item: [4],
            es: 'Aprobar el Plan de trabajo en materia de tráfico ilícito de migrantes 2019-2025, en su versión actualizada.',
            en: 'Approve the updated Work Plan on Migrant Smuggling 2019-2025.',
          },
          {
            item: [5],
            es: 'Designar a El Salvador como Presidencia Pro Tempore para 2022.',
            en: 'Designate El Salvador as Pro-Tempore Presidency for 2022.',
          },
        ],
      },
    ),
    viceMinisterial(
      'VM-XXVII',
      'XXVII',
      2022,
      'SV',
      'San Salvador, El Salvador',
      '2022-11-17T09:00',
      '2022-11-18T17:00',
      'America/El_Salvador',
      {
        decisions: [
          {
            item: [4],
            es: 'Iniciar la elaboración del Plan Estratégico de la CRM 2023-2026.',
            en: 'Begin drafting the RCM Strategic Plan 2023-2026.',
          },
          {
            item: [5],
            es: 'Designar a Panamá como Presidencia Pro Tempore para 2023.',
            en: 'Designate Panama as Pro-Tempore Presidency for 2023.',
          },
        ],
      },
    ),
    {
      key: 'WG-2023-PA',
      kind: 'working_group',
      es: 'Reuniones de los Grupos de Trabajo de la CRM',
      en: 'Meetings of the RCM Working Groups',
      start: '2023-11-14T09:00',
      end: '2023-11-16T17:00',
      tz: 'America/Panama',
      place: 'Ciudad de Panamá, Panamá',
      host: 'PA',
      status: 'held',
      invited: [...MEMBERS, 'IOM', 'UNHCR', 'ILO', 'UNICEF', 'UNODC'],
      minutesStatus: 'adopted',
      agenda: [
        {
          es: 'Grupo de Trabajo sobre Gestión de Fronteras',
          en: 'Working Group on Border Management',
          at: '2023-11-14T09:00',
          minutes: 240,
          record:
            'El Grupo revisó su plan de trabajo 2023-2024 y el intercambio de información entre puntos fronterizos.',
        },
        {
          es: 'Grupo de Trabajo sobre Migración Laboral',
          en: 'Working Group on Labour Migration',
          at: '2023-11-14T14:00',
          minutes: 180,
          record:
            'Se presentó el Plan de Acción Regional sobre Migración Laboral para su aprobación por la Reunión Viceministerial.',
        },
        {
          es: 'Grupo de Trabajo sobre Migración Irregular y Masiva',
          en: 'Working Group on Irregular and Mass Migration',
          at: '2023-11-15T09:00',
          minutes: 240,
          record: 'Se analizaron los flujos por el Darién: más de medio millón de personas cruzaron en 2023.',
        },
        {
          es: 'Grupo de Trabajo sobre Protección',
          en: 'Working Group on Protection',
          at: '2023-11-16T09:00',
          minutes: 240,
          record: 'Se revisaron los mecanismos de identificación preliminar de perfiles y de referencia.',
        },
      ],
      delegates: [
        { email: 'pa.focal@rcm.example', org: 'PA', role: 'head', rsvp: 'accepted', attended: true },
        { email: 'mx.delegate@rcm.example', org: 'MX', role: 'head', rsvp: 'accepted', attended: true },
        { email: 'iom@rcm.example', org: 'IOM', role: 'head', rsvp: 'accepted', attended: true },
      ],
    },
    {
      key: 'RCGM-2023-PA',
      kind: 'rcgm',
      es: 'Reunión del Grupo Regional de Consulta sobre Migración (sesión exclusiva de Países Miembros)',
      en: 'Regional Consultation Group on Migration (session for Member Countries only)',
      start: '2023-12-05T09:00',
      end: '2023-12-05T18:00',
      tz: 'America/Panama',
      place: 'Ciudad de Panamá, Panamá',
      host: 'PA',
      openness: 'members_only',
      status: 'held',
      invited: MEMBERS,
      minutesStatus: 'adopted',
      agenda: [
        {
          es: 'Revisión del proyecto de Declaración de Panamá',
          en: 'Review of the draft Declaration of Panama',
          at: '09:00',
          minutes: 240,
          record: 'Los Países Miembros acordaron ad referéndum el texto del proyecto de Declaración.',
        },
        {
          es: 'Plan de Acción Regional sobre Migración Laboral',
          en: 'Regional Action Plan on Labour Migration',
          at: '14:00',
          minutes: 120,
          record:
            'Se acordó recomendar su aprobación y mantenerlo como documento reservado a los Países Miembros.',
        },
      ],
      decisions: [
        {
          item: [2],
          es: 'Recomendar a la Reunión Viceministerial la aprobación del Plan de Acción Regional sobre Migración Laboral, de uso reservado a los Países Miembros.',
          en: 'Recommend that the Vice-Ministerial Meeting approve the Regional Action Plan on Labour Migration, for the use of Member Countries only.',
        },
      ],
      delegates: [
        { email: 'pa.focal@rcm.example', org: 'PA', role: 'head', rsvp: 'accepted', attended: true },
        { email: 'mx.delegate@rcm.example', org: 'MX', role: 'head', rsvp: 'accepted', attended: true },
        { email: 'gt.focal@rcm.example', org: 'GT', role: 'head', rsvp: 'accepted', attended: true },
      ],
    },
    {
      key: 'VM-XXVIII',
      kind: 'vice_ministerial',
      number: 'XXVIII',
      es: 'XXVIII Reunión Viceministerial de la Conferencia Regional sobre Migración',
      en: 'XXVIII Vice-Ministerial Meeting of the Regional Conference on Migration',
      themeEs: 'Migración: el desafío regional del siglo XXI',
      themeEn: 'Migration: the Regional Challenge of the 21st Century',
      start: '2023-12-06T09:00',
      end: '2023-12-07T14:00',
      tz: 'America/Panama',
      place: 'Ciudad de Panamá, Panamá',
      host: 'PA',
      status: 'held',
      invited: EVERYONE,
      minutesStatus: 'adopted',
      agenda: [
        {
          ...OPENING,
          presenter: 'Panamá (Presidencia Pro Tempore 2023)',
          record: 'La Ministra de Relaciones Exteriores de Panamá inauguró la reunión.',
        },
        ADOPT_AGENDA,
        {
          es: 'Informe de la Presidencia Pro Tempore de Panamá 2023',
          en: 'Report of the 2023 Pro-Tempore Presidency of Panama',
          at: '10:00',
          minutes: 45,
          presenter: 'Panamá',
          record:
            'Panamá presentó los resultados de su Presidencia: **más de medio millón de personas** cruzaron el Darién en 2023; se fortaleció la cooperación con la OIM en Darién y Chiriquí.',
        },
        {
          es: 'Informe de la Secretaría Ejecutiva',
          en: 'Report of the Executive Secretariat',
          at: '11:00',
          minutes: 60,
          presenter: 'Secretaría Ejecutiva',
          record:
            'La Secretaría Ejecutiva presentó su informe semestral de actividades y su informe financiero.',
          subs: [
            {
              es: 'Informe de actividades y financiero 2023',
              en: 'Activity and financial report 2023',
              minutes: 30,
              record: 'Las delegaciones aprobaron el informe sin observaciones.',
            },
          ],
        },
        {
          es: 'Informes de los Grupos de Trabajo',
          en: 'Reports of the Working Groups',
          at: '14:00',
          minutes: 120,
          record: 'Cada Grupo de Trabajo presentó los resultados de su reunión del 14 al 16 de noviembre.',
          subs: [
            {
              es: 'Gestión de Fronteras',
              en: 'Border Management',
              minutes: 30,
              record: 'Informe presentado por la coordinación del Grupo.',
            },
            {
              es: 'Migración Laboral',
              en: 'Labour Migration',
              minutes: 30,
              record: 'Informe presentado por la coordinación del Grupo.',
            },
            {
              es: 'Migración Irregular y Masiva',
              en: 'Irregular and Mass Migration',
              minutes: 30,
              record: 'Informe presentado por la coordinación del Grupo.',
            },
            {
              es: 'Protección',
              en: 'Protection',
              minutes: 30,
              record: 'Informe presentado por la coordinación del Grupo.',
            },
          ],
        },
        {
          es: 'Adopción de la Declaración de Panamá',
          en: 'Adoption of the Declaration of Panama',
          at: '2023-12-07T09:00',
          minutes: 120,
          presenter: 'Presidencia Pro Tempore',
          record: 'Se adoptó por consenso la Declaración "Migración: el desafío regional del siglo XXI".',
        },
        {
          es: 'Designación de la Presidencia Pro Tempore 2024',
          en: 'Designation of the 2024 Pro-Tempore Presidency',
          at: '2023-12-07T11:00',
          minutes: 30,
          record: 'Se designó por consenso a **Belice** como Presidencia Pro Tempore para 2024.',
        },
        {
          es: 'Clausura',
          en: 'Closing',
          at: '2023-12-07T13:30',
          minutes: 30,
          record: 'Panamá traspasó la Presidencia a Belice.',
        },
      ],
      decisions: [
        {
          item: [6],
          es: 'Adoptar la Declaración de Panamá "Migración: el desafío regional del siglo XXI".',
          en: 'Adopt the Declaration of Panama "Migration: the Regional Challenge of the 21st Century".',
        },
        {
          item: [4, 1],
          es: 'Aprobar el informe de actividades y el informe financiero 2023 de la Secretaría Ejecutiva.',
          en: 'Approve the 2023 activity and financial reports of the Executive Secretariat.',
        },
        {
          item: [5],
          es: 'Acoger los informes de los Grupos de Trabajo y encargarles presentar planes de trabajo actualizados en la reunión intermedia del GRCM de 2024.',
          en: 'Welcome the reports of the Working Groups and ask them to present updated work plans at the 2024 mid-term RCGM meeting.',
        },
        {
          item: [5, 2],
          es: 'Aprobar el Plan de Acción Regional sobre Migración Laboral, de uso reservado a los Países Miembros.',
          en: 'Approve the Regional Action Plan on Labour Migration, for the use of Member Countries only.',
        },
        {
          item: [7],
          es: 'Designar a Belice como Presidencia Pro Tempore para 2024.',
          en: 'Designate Belize as Pro-Tempore Presidency for 2024.',
        },
      ],
      delegates: [
        { email: 'pa.focal@rcm.example', org: 'PA', role: 'head', rsvp: 'accepted', attended: true },
        { email: 'pa.snm@rcm.example', org: 'PA', role: 'adviser', rsvp: 'accepted', attended: true },
        { email: 'mx.delegate@rcm.example', org: 'MX', role: 'head', rsvp: 'accepted', attended: true },
        { email: 'gt.focal@rcm.example', org: 'GT', role: 'head', rsvp: 'accepted', attended: true },
        { email: 'bz.focal@rcm.example', org: 'BZ', role: 'head', rsvp: 'accepted', attended: true },
        { email: 'cr.focal@rcm.example', org: 'CR', role: 'head', rsvp: 'accepted', attended: true },
        { email: 'us.focal@rcm.example', org: 'US', role: 'head', rsvp: 'accepted', attended: false },
        { email: 'co.observer@rcm.example', org: 'CO', role: 'head', rsvp: 'accepted', attended: true },
        { email: 'iom@rcm.example', org: 'IOM', role: 'head', rsvp: 'accepted', attended: true },
        { email: 'unhcr@rcm.example', org: 'UNHCR', role: 'head', rsvp: 'accepted', attended: true },
      ],
    },
    {
      key: 'RCGM-2024-BZ',
      kind: 'rcgm',
      es: 'Reunión intermedia del Grupo Regional de Consulta sobre Migración',
      en: 'Mid-term meeting of the Regional Consultation Group on Migration',
      start: '2024-07-16T09:00',
      end: '2024-07-17T17:00',
      tz: 'America/Belize',
      place: 'Belmopan, Belice',
      host: 'BZ',
      status: 'held',
      invited: EVERYONE,
      minutesStatus: 'adopted',
      agenda: [
        { ...OPENING, presenter: 'Belice (Presidencia Pro Tempore 2024)' },
        ADOPT_AGENDA,
        {
          es: 'Nota conceptual y plan de acción de la Presidencia Pro Tempore de Belice',
          en: 'Concept note and plan of action of the Pro-Tempore Presidency of Belize',
          at: '10:00',
          minutes: 60,
          presenter: 'Belice',
          record: 'Belice presentó su nota conceptual y su plan de acción para 2024.',
        },
        {
          es: 'Planes de trabajo actualizados de los Grupos de Trabajo',
          en: 'Updated work plans of the Working Groups',
          at: '2024-07-17T09:00',
          minutes: 180,
          record:
            'Los Grupos presentaron sus planes de trabajo, como lo pidió la XXVIII Reunión Viceministerial.',
        },
      ],
      decisions: [
        {
          item: [3],
          es: 'Acoger la nota conceptual y el plan de acción de la Presidencia Pro Tempore de Belice.',
          en: 'Welcome the concept note and plan of action of the Pro-Tempore Presidency of Belize.',
        },
        {
          item: [4],
          es: 'Aprobar los planes de trabajo actualizados de los cuatro Grupos de Trabajo.',
          en: 'Approve the updated work plans of the four Working Groups.',
        },
      ],
      delegates: [
        { email: 'bz.focal@rcm.example', org: 'BZ', role: 'head', rsvp: 'accepted', attended: true },
        { email: 'pa.focal@rcm.example', org: 'PA', role: 'head', rsvp: 'accepted', attended: true },
        { email: 'mx.delegate@rcm.example', org: 'MX', role: 'head', rsvp: 'accepted', attended: true },
        { email: 'iom@rcm.example', org: 'IOM', role: 'head', rsvp: 'accepted', attended: true },
      ],
    },
    {
      key: 'WS-2024-REG',
      kind: 'workshop',
      es: 'Taller de validación del estudio sobre programas y procesos de regularización',
      en: 'Workshop to Validate the Study on Regularization Programmes and Processes',
      start: '2024-09-24T09:00',
      end: '2024-09-24T16:00',
      tz: 'America/Costa_Rica',
      place: 'San José, Costa Rica',
      host: 'CR',
      status: 'held',
      invited: [...MEMBERS, 'IOM', 'UNHCR', 'RROCM'],
      agenda: [
        {
          es: 'Presentación del estudio',
          en: 'Presentation of the study',
          at: '09:00',
          minutes: 90,
          presenter: 'OIM',
        },
        {
          es: 'Comentarios de las delegaciones',
          en: 'Comments of the delegations',
          at: '11:00',
          minutes: 120,
        },
      ],
    },
    {
      key: 'RCGM-2025-VIRTUAL',
      kind: 'rcgm',
      es: 'Reunión virtual del GRCM (solo Países Miembros)',
      en: 'Virtual RCGM meeting (Member Countries only)',
      start: '2025-04-09T10:00',
      end: '2025-04-09T13:00',
      tz: 'America/Costa_Rica',
      online: 'https://meet.rcm.example/grcm-2025-04',
      openness: 'members_only',
      status: 'held',
      invited: MEMBERS,
      agenda: [
        {
          es: 'Situación de la Presidencia Pro Tempore 2025',
          en: 'The 2025 Pro-Tempore Presidency',
          at: '10:00',
          minutes: 90,
        },
      ],
    },
    {
      // recent: its draft minutes circulate for comment now
      key: 'WG-LABOUR-RECENT',
      kind: 'working_group',
      es: 'Reunión virtual del Grupo de Trabajo sobre Migración Laboral',
      en: 'Virtual meeting of the Working Group on Labour Migration',
      start: fromNow(-18, '10:00'),
      end: fromNow(-18, '13:00'),
      tz: 'America/Mexico_City',
      online: 'https://meet.rcm.example/gt-migracion-laboral',
      group: 'labor-migration',
      status: 'held',
      invited: [...MEMBERS, 'ILO', 'IOM'],
      minutesStatus: 'circulated',
      commentDeadline: new Date(Date.now() + 10 * DAY),
      agenda: [
        {
          es: 'Avances del Plan de Acción Regional sobre Migración Laboral',
          en: 'Progress of the Regional Action Plan on Labour Migration',
          at: '10:00',
          minutes: 90,
          presenter: 'México',
          record:
            'México presentó los avances del Plan. Las delegaciones:\n\n- destacaron los programas de movilidad laboral temporal;\n- pidieron un formato común para informar.',
        },
        {
          es: 'Próximos pasos',
          en: 'Next steps',
          at: '11:30',
          minutes: 60,
          record:
            'La Secretaría Ejecutiva circulará un formato común de informe antes de la próxima reunión.',
        },
      ],
      delegates: [
        { email: 'mx.delegate@rcm.example', org: 'MX', role: 'head', rsvp: 'accepted', attended: true },
        { email: 'pa.focal@rcm.example', org: 'PA', role: 'head', rsvp: 'accepted', attended: true },
        { email: 'ilo.focal@rcm.example', org: 'ILO', role: 'head', rsvp: 'accepted', attended: true },
      ],
    },
    {
      key: 'TROIKA-NEXT',
      kind: 'troika',
      es: 'Reunión de la Troika (Presidencias anterior, actual y siguiente)',
      en: 'Troika meeting (previous, current and next Presidencies)',
      start: fromNow(21, '10:00'),
      end: fromNow(21, '12:00'),
      tz: 'America/Guatemala',
      online: 'https://meet.rcm.example/troika',
      openness: 'members_only',
      status: 'confirmed',
      invited: ['GT', 'PA', 'BZ'],
      agenda: [
        {
          es: 'Preparación de la reunión del GRCM',
          en: 'Preparation of the RCGM meeting',
          at: '10:00',
          minutes: 60,
        },
        {
          es: 'Transición de la Presidencia Pro Tempore',
          en: 'Handover of the Pro-Tempore Presidency',
          at: '11:00',
          minutes: 60,
        },
      ],
    },
    {
      // ahead: registrations open (Mexico and Guatemala have registered; Panama has not yet)
      key: 'RCGM-NEXT',
      kind: 'rcgm',
      es: 'Primera reunión del Grupo Regional de Consulta sobre Migración',
      en: 'First meeting of the Regional Consultation Group on Migration',
      start: fromNow(75, '09:00'),
      end: fromNow(76, '17:00'),
      tz: 'America/Guatemala',
      place: 'Ciudad de Guatemala, Guatemala',
      host: 'GT',
      status: 'confirmed',
      registrationDeadline: fromNow(45, '23:59'),
      invited: EVERYONE,
      agenda: [
        { ...OPENING, presenter: 'Guatemala (Presidencia Pro Tempore)' },
        ADOPT_AGENDA,
        {
          es: 'Nota conceptual de la Presidencia Pro Tempore',
          en: 'Concept note of the Pro-Tempore Presidency',
          at: '10:00',
          minutes: 60,
          presenter: 'Guatemala',
        },
        {
          es: 'Seguimiento de las decisiones de la Reunión Viceministerial',
          en: 'Follow-up of the decisions of the Vice-Ministerial Meeting',
          at: '11:30',
          minutes: 90,
          presenter: 'Secretaría Ejecutiva',
          subs: [
            { es: 'Acciones vencidas', en: 'Overdue actions', minutes: 30 },
            { es: 'Informe de avance', en: 'Progress report', minutes: 30 },
          ],
        },
      ],
      delegates: [
        { email: 'mx.delegate@rcm.example', org: 'MX', role: 'head', rsvp: 'accepted' },
        { email: 'gt.focal@rcm.example', org: 'GT', role: 'head', rsvp: 'accepted' },
        { email: 'gt.delegate1@rcm.example', org: 'GT', role: 'alternate', rsvp: 'pending' },
      ],
    },
  ]
}

/** Inserts the demo meetings. `ids` maps organization codes and `group:<slug>` to ids; `people` maps
 * e-mails to ids. */
export function seedDemoMeetings(
  tx: Tx,
  { ids, people }: { ids: Map<string, string>; people: Map<string, string> },
) {
  const secretariat = people.get('secretariat@rcm.example') ?? null
  for (const m of demoMeetings()) {
    const at = (local: string) => {
      const d = zonedToUtc(local, m.tz)
      if (!d) throw new Error(`bad date ${local} in ${m.key}`)
      return d
    }
    const startsAt = at(m.start)
    const endsAt = at(m.end)
    const row = tx
      .insert(meetings)
      .values({
        kind: m.kind,
        number: m.number ?? null,
        titleEs: m.es,
        titleEn: m.en,
        themeEs: m.themeEs ?? null,
        themeEn: m.themeEn ?? null,
        startsAt,
        endsAt,
        timeZone: m.tz,
        place: m.place || null,
        onlineUrl: m.online ?? null,
        hostOrganizationId: m.host ? ids.get(m.host)! : null,
        groupId: m.group ? ids.get(`group:${m.group}`)! : null,
        openness: m.openness ?? 'open',
        status: m.status,
        registrationDeadline: m.registrationDeadline ? at(m.registrationDeadline) : null,
        createdById: secretariat,
      })
      .returning()
      .get()
    ids.set(`meeting:${m.key}`, row.id)
    for (const code of m.invited) {
      tx.insert(meetingInvitations)
        .values({ meetingId: row.id, organizationId: ids.get(code)! })
        .run()
    }

    // Agenda, and the minutes of each item in the state the meeting's minutes are in.
    const firstDay = m.start.slice(0, 10)
    const itemIds: string[][] = []
    const addItem = (item: ItemSeed, position: number, parentId: string | null) => {
      const local = item.at ? (item.at.includes('T') ? item.at : `${firstDay}T${item.at}`) : null
      const created = tx
        .insert(agendaItems)
        .values({
          meetingId: row.id,
          parentId,
          position,
          titleEs: item.es,
          titleEn: item.en,
          startsAt: local ? at(local) : null,
          durationMinutes: item.minutes ?? null,
          presenter: item.presenter ?? null,
        })
        .returning({ id: agendaItems.id })
        .get()
      if (item.record && m.minutesStatus) {
        const status = m.minutesStatus
        const circulatedAt = status === 'draft' ? null : new Date(endsAt.getTime() + 7 * DAY)
        const deadline =
          status === 'draft' ? null : (m.commentDeadline ?? new Date(endsAt.getTime() + 21 * DAY))
        // a first draft, then the text as it stands (the database keeps both in minutes_revisions),
        // both saved before the minutes were circulated
        const seededAt = Date.now()
        const record = tx
          .insert(minutes)
          .values({
            meetingId: row.id,
            agendaItemId: created.id,
            text: firstDraft(item.record),
            revision: 1,
            updatedById: secretariat,
            updatedAt: new Date(Math.min(seededAt - 2000, endsAt.getTime() + DAY)),
          })
          .returning({ id: minutes.id })
          .get()
        tx.update(minutes)
          .set({
            text: item.record,
            revision: 2,
            status,
            commentDeadline: deadline,
            circulatedAt:
              status === 'circulated'
                ? new Date(Math.min(seededAt, endsAt.getTime() + 3 * DAY))
                : circulatedAt,
            adoptedAt: status === 'adopted' ? new Date(endsAt.getTime() + 30 * DAY) : null,
            updatedById: secretariat,
            updatedAt: new Date(Math.min(seededAt - 1000, endsAt.getTime() + 2 * DAY)),
          })
          .where(eq(minutes.id, record.id))
          .run()
        return { id: created.id, minutesId: record.id }
      }
      return { id: created.id, minutesId: null }
    }
    const minutesIds: (string | null)[] = []
    ;(m.agenda ?? []).forEach((item, i) => {
      const top = addItem(item, i + 1, null)
      const path = [top.id]
      minutesIds.push(top.minutesId)
      ;(item.subs ?? []).forEach((sub, j) => {
        const s = addItem(sub, j + 1, top.id)
        path.push(s.id)
        minutesIds.push(s.minutesId)
      })
      itemIds.push(path)
    })
    ;(m.decisions ?? []).forEach((d, i) => {
      const itemId = d.item ? itemIds[d.item[0] - 1]?.[d.item[1] ?? 0] : undefined
      tx.insert(decisions)
        .values({
          meetingId: row.id,
          agendaItemId: itemId ?? null,
          number: i + 1,
          code: decisionCode(row, i + 1),
          textEs: d.es,
          textEn: d.en,
          createdById: secretariat,
        })
        .run()
    })

    for (const d of m.delegates ?? []) {
      const personId = people.get(d.email)
      if (!personId) continue
      // Written with the columns every release since 0004 has (not drizzle's insert, which names every
      // column of today's table), so that the migration tests can seed a database of an older release.
      const now = Date.now()
      tx.run(
        sql`insert into ${delegationMembers} (id, meeting_id, organization_id, person_id, role, rsvp, attendance, registered_by_id, created_at, updated_at) values (${newId()}, ${row.id}, ${ids.get(d.org)!}, ${personId}, ${d.role}, ${d.rsvp ?? 'pending'}, ${d.attended === undefined ? 'not_recorded' : d.attended ? 'present' : 'absent'}, ${secretariat}, ${now}, ${now})`,
      )
    }

    // A delegation's comment on the circulating minutes, and an erratum on adopted ones.
    const firstMinutes = minutesIds.find((x): x is string => x !== null)
    if (m.key === 'WG-LABOUR-RECENT' && firstMinutes && people.get('cr.focal@rcm.example')) {
      tx.insert(minutesComments)
        .values({
          minutesId: firstMinutes,
          personId: people.get('cr.focal@rcm.example')!,
          organizationId: ids.get('CR')!,
          revision: 2,
          text: 'Costa Rica propone añadir que el formato común incluya datos desagregados por sexo y edad.',
        })
        .run()
    }
    if (m.key === 'VM-XXVIII' && secretariat) {
      const item = minutesIds[2]
      if (item) {
        tx.insert(minutesErrata)
          .values({
            minutesId: item,
            personId: secretariat,
            text: 'Donde dice "Darién y Chiriquí", debe decir "las provincias de Darién y Chiriquí".',
          })
          .run()
      }
    }
  }
}

/** The demo minutes' first draft: the record without its last sentence, or for a single sentence its
 * first words and an ellipsis (the secretariat completed it in the second revision). */
function firstDraft(record: string): string {
  const sentences = record.split(/(?<=\.)\s+/)
  if (sentences.length > 1) return sentences.slice(0, -1).join(' ')
  const words = record.split(' ')
  return `${words.slice(0, Math.max(1, Math.ceil(words.length * 0.6))).join(' ')} …`
}
