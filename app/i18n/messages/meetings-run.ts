// Meetings as a secretariat runs them: documents by agenda item and the meeting's ZIP, agenda times
// within the meeting's days, day headings, the printable programme, copying a meeting, and the
// adoption of the minutes (confirmation, warnings, the official document).
import { defineMessages } from '../core'

export const meetingsRun = defineMessages({
  en: {
    'meetingsRun.zip': 'All documents (ZIP)',
    'meetingsRun.zipHint':
      'The current version of every document of this meeting that you may see, in every language, by agenda item.',
    'meetingsRun.zipWhole': '00 Whole meeting',
    'meetingsRun.addDocument': 'Add a document',
    'meetingsRun.addDocumentLabel': 'Add a document to item {number}',
    'meetingsRun.error.itemOutside': 'The time must fall within the days of the meeting.',
    'meetingsRun.error.itemEndsAfter':
      'With this duration the item would end after the last day of the meeting.',
    'meetingsRun.error.itemsBeyondEnd':
      'These agenda items would fall after the new last day: move or remove them first, or keep a later end.',
    'meetingsRun.day': 'Day {n} · {date}',
    'meetingsRun.programme': 'Printable programme',
    'meetingsRun.programmeTitle': 'Programme',
    'meetingsRun.programmeIn': 'Programme in {language}',
    'meetingsRun.backToMeeting': '← Back to the meeting',
    'meetingsRun.language.es': 'Spanish',
    'meetingsRun.language.en': 'English',
    'meetingsRun.presenter': 'Presenter: {name}',
    'meetingsRun.copy': 'Copy as a new meeting',
    'meetingsRun.copyTitle': 'Copy this meeting with its agenda',
    'meetingsRun.copyHelp':
      'Starts a new meeting with the same details, invitations and agenda; the items move with the new dates. Documents, participants, minutes and decisions are not copied.',
    'meetingsRun.copyStart': 'First day and time of the new meeting',
    'meetingsRun.copyStartHint': 'Local time of the meeting. It lasts as long as this one.',
    'meetingsRun.copyNumber': 'Number of the new meeting (optional)',
    'meetingsRun.copySubmit': 'Create the copy',
    'meetingsRun.datesMoveItems':
      'When the dates change, the agenda items move with them (same day of the meeting, same time).',
    'meetingsRun.minutes.confirmTitle': 'Confirm the adoption of the minutes',
    'meetingsRun.minutes.confirmText':
      'Adopting locks the text of {count, plural, one {# circulated item} other {# circulated items}}: afterwards corrections are recorded as errata.',
    'meetingsRun.minutes.warnDeadline':
      'The comment deadline ({date}) has not passed yet: delegations may still comment.',
    'meetingsRun.minutes.warnUnanswered':
      '{count, plural, one {# comment has no answer: the text was not revised after it} other {# comments have no answer: the text was not revised after them}}.',
    'meetingsRun.minutes.noWarnings':
      'The comment deadline has passed and every comment was followed by a revision.',
    'meetingsRun.minutes.confirm': 'Yes, adopt the minutes',
    'meetingsRun.minutes.cancel': 'Cancel',
    'meetingsRun.minutes.error.confirm': 'Confirm the adoption first.',
    'meetingsRun.minutes.error.empty': 'Write the text of the minutes: an empty text is not saved.',
    'meetingsRun.minutes.official': 'Adopted minutes (official document)',
    'meetingsRun.minutes.pdf': 'Download PDF',
    'meetingsRun.minutes.docx': 'Download Word (DOCX)',
    'meetingsRun.doc.title': 'Minutes',
    'meetingsRun.doc.when': 'Dates',
    'meetingsRun.doc.where': 'Place',
    'meetingsRun.doc.attendance': 'Attendance',
    'meetingsRun.doc.noAttendance': 'No attendance was recorded.',
    'meetingsRun.doc.agenda': 'Minutes by agenda item',
    'meetingsRun.doc.noText': 'No minutes for this item.',
    'meetingsRun.doc.decisions': 'Decisions',
    'meetingsRun.doc.noDecisions': 'No decisions were recorded.',
    'meetingsRun.doc.adoption': 'Record of adoption',
    'meetingsRun.doc.adoptedBy': 'Adopted on {date} by {name}.',
    'meetingsRun.doc.circulated':
      'Circulated on {date}; comments until {deadline}; {count, plural, zero {no comments received} one {# comment received} other {# comments received}}.',
    'meetingsRun.doc.errata': 'Errata',
  },
  es: {
    'meetingsRun.zip': 'Todos los documentos (ZIP)',
    'meetingsRun.zipHint':
      'La versión vigente de cada documento de esta reunión que usted puede ver, en todos sus idiomas, por punto del orden del día.',
    'meetingsRun.zipWhole': '00 Reunión en general',
    'meetingsRun.addDocument': 'Añadir un documento',
    'meetingsRun.addDocumentLabel': 'Añadir un documento al punto {number}',
    'meetingsRun.error.itemOutside': 'La hora debe caer dentro de los días de la reunión.',
    'meetingsRun.error.itemEndsAfter':
      'Con esta duración el punto terminaría después del último día de la reunión.',
    'meetingsRun.error.itemsBeyondEnd':
      'Estos puntos del orden del día quedarían después del nuevo último día: muévalos o elimínelos primero, o mantenga un término posterior.',
    'meetingsRun.day': 'Día {n} · {date}',
    'meetingsRun.programme': 'Programa imprimible',
    'meetingsRun.programmeTitle': 'Programa',
    'meetingsRun.programmeIn': 'Programa en {language}',
    'meetingsRun.backToMeeting': '← Volver a la reunión',
    'meetingsRun.language.es': 'español',
    'meetingsRun.language.en': 'inglés',
    'meetingsRun.presenter': 'Presenta: {name}',
    'meetingsRun.copy': 'Copiar como nueva reunión',
    'meetingsRun.copyTitle': 'Copiar esta reunión con su orden del día',
    'meetingsRun.copyHelp':
      'Crea una reunión nueva con los mismos datos, invitaciones y orden del día; los puntos se desplazan con las nuevas fechas. No se copian documentos, participantes, actas ni decisiones.',
    'meetingsRun.copyStart': 'Primer día y hora de la nueva reunión',
    'meetingsRun.copyStartHint': 'Hora local de la reunión. Dura lo mismo que esta.',
    'meetingsRun.copyNumber': 'Número de la nueva reunión (opcional)',
    'meetingsRun.copySubmit': 'Crear la copia',
    'meetingsRun.datesMoveItems':
      'Si cambian las fechas, los puntos del orden del día se desplazan con ellas (mismo día de la reunión, misma hora).',
    'meetingsRun.minutes.confirmTitle': 'Confirmar la aprobación del acta',
    'meetingsRun.minutes.confirmText':
      'Al aprobarla se bloquea el texto de {count, plural, one {# punto circulado} other {# puntos circulados}}: después, las correcciones se registran como fe de erratas.',
    'meetingsRun.minutes.warnDeadline':
      'El plazo de comentarios ({date}) aún no ha vencido: las delegaciones todavía pueden comentar.',
    'meetingsRun.minutes.warnUnanswered':
      '{count, plural, one {# comentario no tiene respuesta: el texto no se revisó después de él} other {# comentarios no tienen respuesta: el texto no se revisó después de ellos}}.',
    'meetingsRun.minutes.noWarnings':
      'El plazo de comentarios venció y cada comentario fue seguido de una revisión.',
    'meetingsRun.minutes.confirm': 'Sí, aprobar el acta',
    'meetingsRun.minutes.cancel': 'Cancelar',
    'meetingsRun.minutes.error.confirm': 'Confirme primero la aprobación.',
    'meetingsRun.minutes.error.empty': 'Escriba el texto del acta: un texto vacío no se guarda.',
    'meetingsRun.minutes.official': 'Acta aprobada (documento oficial)',
    'meetingsRun.minutes.pdf': 'Descargar PDF',
    'meetingsRun.minutes.docx': 'Descargar Word (DOCX)',
    'meetingsRun.doc.title': 'Acta',
    'meetingsRun.doc.when': 'Fechas',
    'meetingsRun.doc.where': 'Lugar',
    'meetingsRun.doc.attendance': 'Asistencia',
    'meetingsRun.doc.noAttendance': 'No se registró la asistencia.',
    'meetingsRun.doc.agenda': 'Acta por punto del orden del día',
    'meetingsRun.doc.noText': 'Sin acta para este punto.',
    'meetingsRun.doc.decisions': 'Decisiones',
    'meetingsRun.doc.noDecisions': 'No se registraron decisiones.',
    'meetingsRun.doc.adoption': 'Constancia de aprobación',
    'meetingsRun.doc.adoptedBy': 'Aprobada el {date} por {name}.',
    'meetingsRun.doc.circulated':
      'Circulada el {date}; comentarios hasta el {deadline}; {count, plural, zero {ningún comentario recibido} one {# comentario recibido} other {# comentarios recibidos}}.',
    'meetingsRun.doc.errata': 'Fe de erratas',
  },
})
