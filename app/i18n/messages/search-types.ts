// Search across every kind of record (/search): types, counts, the year filter.
import { defineMessages } from '../core'

export const searchTypes = defineMessages({
  en: {
    'searchTypes.label': 'Search the portal',
    'searchTypes.hint':
      'Documents, meetings and agenda items, decisions, action items, plans and people. Accents do not matter.',
    'searchTypes.signInForMore':
      'Sign in to search meetings, decisions, action items, plans and documents that are not public.',
    'searchTypes.year': 'Year (optional)',
    'searchTypes.yearHint':
      'For example 2024: the date of a document, meeting or decision, the due day of an action, the year a plan was started.',
    'searchTypes.yearInvalid': 'Give a year between 1990 and 2100, or leave it empty.',
    'searchTypes.types': 'Results by type',
    'searchTypes.all': 'All',
    'searchTypes.type.document': 'Documents',
    'searchTypes.type.meeting': 'Meetings',
    'searchTypes.type.decision': 'Decisions',
    'searchTypes.type.action': 'Action items',
    'searchTypes.type.plan': 'Plans',
    'searchTypes.type.person': 'People',
    'searchTypes.count': '{type}: {count}',
    'searchTypes.seeAll': 'All results in {type} ({count})',
    'searchTypes.agendaItemOf': 'Agenda item of {meeting}',
    'searchTypes.decisionOf': 'Decision of {meeting}',
    'searchTypes.procedureOf': 'Adopted by written procedure: {subject}',
    'searchTypes.sectionOf': 'Section of {plan}',
    'searchTypes.due': 'due {date}',
    'searchTypes.noneOfType': 'No results in {type} for “{q}”.',
    'searchTypes.inYear': 'in {year}',
  },
  es: {
    'searchTypes.label': 'Buscar en el portal',
    'searchTypes.hint':
      'Documentos, reuniones y puntos de agenda, decisiones, acciones, planes y personas. Los acentos no importan.',
    'searchTypes.signInForMore':
      'Inicie sesión para buscar también reuniones, decisiones, acciones, planes y los documentos que no son públicos.',
    'searchTypes.year': 'Año (opcional)',
    'searchTypes.yearHint':
      'Por ejemplo 2024: la fecha de un documento, una reunión o una decisión, el vencimiento de una acción, el año en que se inició un plan.',
    'searchTypes.yearInvalid': 'Indique un año entre 1990 y 2100, o déjelo vacío.',
    'searchTypes.types': 'Resultados por tipo',
    'searchTypes.all': 'Todos',
    'searchTypes.type.document': 'Documentos',
    'searchTypes.type.meeting': 'Reuniones',
    'searchTypes.type.decision': 'Decisiones',
    'searchTypes.type.action': 'Acciones',
    'searchTypes.type.plan': 'Planes',
    'searchTypes.type.person': 'Personas',
    'searchTypes.count': '{type}: {count}',
    'searchTypes.seeAll': 'Todos los resultados en {type} ({count})',
    'searchTypes.agendaItemOf': 'Punto de agenda de {meeting}',
    'searchTypes.decisionOf': 'Decisión de {meeting}',
    'searchTypes.procedureOf': 'Adoptada por procedimiento escrito: {subject}',
    'searchTypes.sectionOf': 'Sección de {plan}',
    'searchTypes.due': 'vence el {date}',
    'searchTypes.noneOfType': 'No hay resultados en {type} para «{q}».',
    'searchTypes.inYear': 'en {year}',
  },
})
