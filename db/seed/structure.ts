/** The real structure of the Regional Conference on Migration (RCM): membership, bodies, PPT history,
 * working groups. Used by the demo data and by the bench dataset. */
import type { GroupKind } from '../../app/modules/groups/constants'
import type { OrganizationKind } from '../../app/modules/members/constants'

export interface OrgSeed {
  code: string
  kind: OrganizationKind
  nameEn: string
  nameEs: string
  acronym?: string
  parent?: string
  website?: string
}

export const MEMBER_STATES: OrgSeed[] = [
  { code: 'BZ', kind: 'member_state', nameEn: 'Belize', nameEs: 'Belice' },
  { code: 'CA', kind: 'member_state', nameEn: 'Canada', nameEs: 'Canadá' },
  { code: 'CR', kind: 'member_state', nameEn: 'Costa Rica', nameEs: 'Costa Rica' },
  { code: 'SV', kind: 'member_state', nameEn: 'El Salvador', nameEs: 'El Salvador' },
  { code: 'US', kind: 'member_state', nameEn: 'United States', nameEs: 'Estados Unidos' },
  { code: 'GT', kind: 'member_state', nameEn: 'Guatemala', nameEs: 'Guatemala' },
  { code: 'HN', kind: 'member_state', nameEn: 'Honduras', nameEs: 'Honduras' },
  { code: 'MX', kind: 'member_state', nameEn: 'Mexico', nameEs: 'México' },
  { code: 'NI', kind: 'member_state', nameEn: 'Nicaragua', nameEs: 'Nicaragua' },
  { code: 'PA', kind: 'member_state', nameEn: 'Panama', nameEs: 'Panamá' },
  { code: 'DO', kind: 'member_state', nameEn: 'Dominican Republic', nameEs: 'República Dominicana' },
]

export const OBSERVER_STATES: OrgSeed[] = [
  { code: 'AR', kind: 'observer_state', nameEn: 'Argentina', nameEs: 'Argentina' },
  { code: 'CO', kind: 'observer_state', nameEn: 'Colombia', nameEs: 'Colombia' },
  { code: 'EC', kind: 'observer_state', nameEn: 'Ecuador', nameEs: 'Ecuador' },
  { code: 'JM', kind: 'observer_state', nameEn: 'Jamaica', nameEs: 'Jamaica' },
  { code: 'PE', kind: 'observer_state', nameEn: 'Peru', nameEs: 'Perú' },
]

const io = (code: string, nameEn: string, nameEs: string, acronym = code): OrgSeed => ({
  code,
  kind: 'international_organization',
  nameEn,
  nameEs,
  acronym,
})

export const OBSERVER_ORGANIZATIONS: OrgSeed[] = [
  io(
    'IOM',
    'International Organization for Migration',
    'Organización Internacional para las Migraciones',
    'IOM / OIM',
  ),
  io(
    'ECLAC',
    'Economic Commission for Latin America and the Caribbean / CELADE',
    'Comisión Económica para América Latina y el Caribe / CELADE',
    'ECLAC/CELADE',
  ),
  io(
    'UNHCR',
    'Office of the United Nations High Commissioner for Refugees',
    'Alto Comisionado de las Naciones Unidas para los Refugiados',
    'UNHCR / ACNUR',
  ),
  io(
    'IACHR',
    'Inter-American Commission on Human Rights',
    'Comisión Interamericana de Derechos Humanos',
    'IACHR / CIDH',
  ),
  io(
    'SRHRM',
    'UN Special Rapporteur on the Human Rights of Migrants',
    'Relator Especial de la ONU sobre los Derechos Humanos de los Migrantes',
    'UN SR Migrants',
  ),
  io('SICA', 'Central American Integration System', 'Sistema de la Integración Centroamericana'),
  io('UNFPA', 'United Nations Population Fund', 'Fondo de Población de las Naciones Unidas'),
  io('SEGIB', 'Ibero-American General Secretariat', 'Secretaría General Iberoamericana'),
  io(
    'ICRC',
    'International Committee of the Red Cross',
    'Comité Internacional de la Cruz Roja',
    'ICRC / CICR',
  ),
  io('UNICEF', 'United Nations Children’s Fund', 'Fondo de las Naciones Unidas para la Infancia'),
  io('ILO', 'International Labour Organization', 'Organización Internacional del Trabajo', 'ILO / OIT'),
  io(
    'UNDP',
    'United Nations Development Programme',
    'Programa de las Naciones Unidas para el Desarrollo',
    'UNDP / PNUD',
  ),
  io(
    'UNODC',
    'United Nations Office on Drugs and Crime',
    'Oficina de las Naciones Unidas contra la Droga y el Delito',
  ),
]

export const CIVIL_SOCIETY: OrgSeed[] = [
  {
    code: 'RROCM',
    kind: 'civil_society',
    nameEn: 'Regional Network of Civil Organizations for Migration',
    nameEs: 'Red Regional de Organizaciones Civiles para las Migraciones',
    acronym: 'RROCM',
  },
]

export const SECRETARIAT: OrgSeed = {
  code: 'SECRETARIAT',
  kind: 'secretariat',
  nameEn: 'Executive Secretariat of the RCM',
  nameEs: 'Secretaría Ejecutiva de la CRM',
  acronym: 'ES-RCM / SE-CRM',
}

export const NATIONAL_INSTITUTIONS: OrgSeed[] = [
  {
    code: 'PA-SNM',
    kind: 'national_institution',
    parent: 'PA',
    nameEn: 'National Migration Service',
    nameEs: 'Servicio Nacional de Migración',
    acronym: 'SNM',
  },
  {
    code: 'PA-UATIM',
    kind: 'national_institution',
    parent: 'PA',
    nameEn: 'Unit for Migrant Smuggling Affairs (SNM)',
    nameEs: 'Unidad de Asuntos de Tráfico Ilícito de Migrantes (SNM)',
    acronym: 'UATIM',
  },
  {
    code: 'PA-MINSEG',
    kind: 'national_institution',
    parent: 'PA',
    nameEn: 'Ministry of Public Security',
    nameEs: 'Ministerio de Seguridad Pública',
    acronym: 'MINSEG',
  },
  {
    code: 'PA-CNCTP',
    kind: 'national_institution',
    parent: 'PA',
    nameEn: 'National Commission against Trafficking in Persons',
    nameEs: 'Comisión Nacional contra la Trata de Personas',
    acronym: 'CNCTP',
  },
  {
    code: 'PA-MIRE',
    kind: 'national_institution',
    parent: 'PA',
    nameEn: 'Ministry of Foreign Affairs',
    nameEs: 'Ministerio de Relaciones Exteriores',
    acronym: 'MIRE',
  },
  {
    code: 'MX-SRE',
    kind: 'national_institution',
    parent: 'MX',
    nameEn: 'Ministry of Foreign Affairs',
    nameEs: 'Secretaría de Relaciones Exteriores',
    acronym: 'SRE',
  },
  {
    code: 'MX-INM',
    kind: 'national_institution',
    parent: 'MX',
    nameEn: 'National Migration Institute',
    nameEs: 'Instituto Nacional de Migración',
    acronym: 'INM',
  },
  {
    code: 'GT-IGM',
    kind: 'national_institution',
    parent: 'GT',
    nameEn: 'Guatemalan Migration Institute',
    nameEs: 'Instituto Guatemalteco de Migración',
    acronym: 'IGM',
  },
  {
    code: 'CR-DGME',
    kind: 'national_institution',
    parent: 'CR',
    nameEn: 'General Directorate of Migration and Foreigners',
    nameEs: 'Dirección General de Migración y Extranjería',
    acronym: 'DGME',
  },
  {
    code: 'HN-INM',
    kind: 'national_institution',
    parent: 'HN',
    nameEn: 'National Migration Institute',
    nameEs: 'Instituto Nacional de Migración',
    acronym: 'INM',
  },
  {
    code: 'SV-DGME',
    kind: 'national_institution',
    parent: 'SV',
    nameEn: 'General Directorate of Migration and Foreigners',
    nameEs: 'Dirección General de Migración y Extranjería',
    acronym: 'DGME',
  },
  {
    code: 'BZ-IND',
    kind: 'national_institution',
    parent: 'BZ',
    nameEn: 'Immigration and Nationality Department',
    nameEs: 'Departamento de Inmigración y Nacionalidad',
    acronym: 'IND',
  },
  {
    code: 'DO-DGM',
    kind: 'national_institution',
    parent: 'DO',
    nameEn: 'General Directorate of Migration',
    nameEs: 'Dirección General de Migración',
    acronym: 'DGM',
  },
]

/** Pro-Tempore Presidency by year (2025: not known). */
export const PPT: { year: number; code: string | null; note?: string }[] = [
  { year: 2018, code: 'PA' },
  { year: 2019, code: 'GT' },
  { year: 2020, code: 'CR' },
  { year: 2021, code: 'MX' },
  { year: 2022, code: 'SV' },
  { year: 2023, code: 'PA' },
  { year: 2024, code: 'BZ' },
  { year: 2025, code: null, note: 'not recorded' },
  { year: 2026, code: 'GT', note: 'announced' },
]

export interface GroupSeed {
  slug: string
  kind: GroupKind
  nameEn: string
  nameEs: string
  descriptionEn?: string
  descriptionEs?: string
  active?: boolean
  organizations?: string[]
}

export const GROUPS: GroupSeed[] = [
  {
    slug: 'border-management',
    kind: 'working_group',
    nameEn: 'Working Group on Border Management',
    nameEs: 'Grupo de Trabajo sobre Gestión de Fronteras',
  },
  {
    slug: 'labor-migration',
    kind: 'working_group',
    nameEn: 'Working Group on Labor Migration',
    nameEs: 'Grupo de Trabajo sobre Migración Laboral',
  },
  {
    slug: 'irregular-mass-migration',
    kind: 'working_group',
    nameEn: 'Working Group on Irregular and Mass Migration',
    nameEs: 'Grupo de Trabajo sobre Migración Irregular y Masiva',
  },
  {
    slug: 'protection',
    kind: 'working_group',
    nameEn: 'Working Group on Protection',
    nameEs: 'Grupo de Trabajo sobre Protección',
  },
  {
    slug: 'liaison-smuggling-trafficking',
    kind: 'network',
    active: false,
    nameEn: 'Liaison Officer Network to Combat Migrant Smuggling and Trafficking in Persons',
    nameEs:
      'Red de Funcionarios de Enlace para el Combate al Tráfico Ilícito de Migrantes y la Trata de Personas',
    descriptionEn: 'Network active before the 2019 reform of the working groups.',
    descriptionEs: 'Red activa antes de la reforma de los grupos de trabajo de 2019.',
  },
  {
    slug: 'liaison-consular-protection',
    kind: 'network',
    active: false,
    nameEn: 'Liaison Officer Network on Consular Protection',
    nameEs: 'Red de Funcionarios de Enlace en Protección Consular',
    descriptionEn: 'Network active before the 2019 reform of the working groups.',
    descriptionEs: 'Red activa antes de la reforma de los grupos de trabajo de 2019.',
  },
  {
    slug: 'children-adolescents',
    kind: 'ad_hoc',
    nameEn: 'Ad Hoc Group on Migrant Children and Adolescents',
    nameEs: 'Grupo Ad Hoc sobre Niñez y Adolescencia Migrante',
  },
  {
    slug: 'regional-coalition',
    kind: 'coalition',
    nameEn: 'Regional Coalition against Trafficking in Persons and Migrant Smuggling',
    nameEs: 'Coalición Regional contra la Trata de Personas y el Tráfico Ilícito de Migrantes',
    descriptionEn: 'Reports to the Regional Consultation Group on Migration (RCGM).',
    descriptionEs: 'Informa al Grupo Regional de Consulta sobre Migración (GRCM).',
  },
  {
    slug: 'pa-smuggling-plan',
    kind: 'drafting_group',
    nameEn: 'Drafting group: National Plan against Migrant Smuggling 2024-2029 (Panama)',
    nameEs: 'Grupo de redacción: Plan Nacional contra el Tráfico Ilícito de Migrantes 2024-2029 (Panamá)',
    descriptionEn:
      'Drafts “Plan Nacional contra el Trafico Ilicito de Migrantes 2024-2029” with SNM/UATIM, the Ministry of Public Security, IOM and UNODC.',
    descriptionEs:
      'Redacta el “Plan Nacional contra el Tráfico Ilícito de Migrantes 2024-2029” con SNM/UATIM, el Ministerio de Seguridad Pública, la OIM y la UNODC.',
    organizations: ['PA', 'PA-SNM', 'PA-UATIM', 'PA-MINSEG', 'IOM', 'UNODC'],
  },
]
