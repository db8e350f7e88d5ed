// Decisions after they are recorded (corrigenda, withdrawals, near-duplicates, the register's filters
// and exports) and actions with several owners (each owner's report, "done" for the whole action, a
// document uploaded first from the report form).
import { defineMessages } from '../core'

export const decisionsOwners = defineMessages({
  en: {
    'decisionsOwners.recorded':
      'Decision {code} has been recorded. The form is empty again for the next one.',
    'decisionsOwners.corrected': 'The corrigendum to decision {code} has been recorded.',
    'decisionsOwners.withdrawnDone': 'Decision {code} has been withdrawn. Its code will not be given again.',
    'decisionsOwners.duplicateTitle': 'This decision looks like one already recorded',
    'decisionsOwners.duplicateExplain':
      'Its text is nearly the same as decision {code} of this meeting. Check it: if it really is a separate decision, tick the box and record it again. Your text is kept below.',
    'decisionsOwners.confirmDuplicate': 'Yes, it is a separate decision: record it',
    'decisionsOwners.status.in_force': 'In force',
    'decisionsOwners.status.withdrawn': 'Withdrawn',
    'decisionsOwners.status.corrected': 'Corrected',
    'decisionsOwners.withdrawnOn': 'Withdrawn on {date}: {reason}',
    'decisionsOwners.history': 'Corrigenda ({count})',
    'decisionsOwners.corrigendum': 'Corrigendum {number}, {date}, by {name}',
    'decisionsOwners.previousText': 'Text before',
    'decisionsOwners.newText': 'Text after',
    'decisionsOwners.reason': 'Reason',
    'decisionsOwners.correctTitle': 'Correct by a corrigendum',
    'decisionsOwners.correctExplain': 'The code stays the same; the text replaced is kept and shown.',
    'decisionsOwners.correctSubmit': 'Record the corrigendum',
    'decisionsOwners.withdrawTitle': 'Withdraw this decision',
    'decisionsOwners.withdrawExplain':
      'A withdrawn decision stays in the register, marked as withdrawn; its code is never given again.',
    'decisionsOwners.withdrawSubmit': 'Withdraw the decision',
    'decisionsOwners.register.status': 'Status',
    'decisionsOwners.register.anyStatus': 'Any status',
    'decisionsOwners.register.meeting': 'Meeting',
    'decisionsOwners.register.anyMeeting': 'Any meeting',
    'decisionsOwners.register.export': 'Download',
    'decisionsOwners.register.xlsx': 'Excel (XLSX)',
    'decisionsOwners.register.csv': 'CSV',
    'decisionsOwners.register.printHint': 'To print the register, use your browser’s print command.',
    'decisionsOwners.export.code': 'Code',
    'decisionsOwners.export.number': 'Number',
    'decisionsOwners.export.textEs': 'Text (Spanish)',
    'decisionsOwners.export.textEn': 'Text (English)',
    'decisionsOwners.export.meeting': 'Meeting',
    'decisionsOwners.export.date': 'Date',
    'decisionsOwners.export.status': 'Status',
    'decisionsOwners.export.corrigenda': 'Corrigenda',
    'decisionsOwners.export.withdrawalReason': 'Reason for withdrawal',
    'decisionsOwners.export.sheet': 'Decisions',
    'decisionsOwners.export.busy': 'The export could not be built just now. Try again in a minute.',
    'decisionsOwners.error.secretariatOnly': 'Only the secretariat can correct or withdraw a decision.',
    'decisionsOwners.error.reasonRequired': 'Give the reason.',
    'decisionsOwners.error.withdrawnFinal': 'This decision has been withdrawn: it can no longer be changed.',
    'decisionsOwners.error.staleDecision':
      'The decision was corrected meanwhile. Read its current text and try again.',
    'decisionsOwners.error.sameText': 'The corrected text is the same as the current one.',
    'decisionsOwners.error.nearDuplicate':
      'Nearly the same as a decision already recorded for this meeting: confirm that it is a separate one.',
    'decisionsOwners.error.codeTaken': 'That code belongs to another decision, even a withdrawn one.',
    // actions with several owners
    'decisionsOwners.owners.title': 'Progress per owner',
    'decisionsOwners.owners.owner': 'Owner',
    'decisionsOwners.owners.status': 'Status',
    'decisionsOwners.owners.progress': 'Progress',
    'decisionsOwners.owners.last': 'Last report',
    'decisionsOwners.owners.none': 'No report yet',
    'decisionsOwners.owners.overall': 'Overall',
    'decisionsOwners.owners.validated': 'done, validated',
    'decisionsOwners.owners.pending': 'done, awaiting validation',
    'decisionsOwners.owners.returned': 'sent back',
    'decisionsOwners.field.owner': 'Reporting for',
    'decisionsOwners.field.ownerHint': 'Each owner reports its own part of the action.',
    'decisionsOwners.field.wholeAction': 'The whole action (secretariat)',
    'decisionsOwners.field.decisionReason': 'Reason for declaring the action done',
    'decisionsOwners.field.decisionReasonHint':
      'Needed when not every owner has reported its part done: the secretariat’s decision, with its reason.',
    'decisionsOwners.partDone':
      '{owner} reported its part done. The action is done when every owner has reported (or when the secretariat decides so, with a reason).',
    'decisionsOwners.validationComment': 'Comment of the secretariat',
    'decisionsOwners.uploadFirstHint':
      'What you have typed is kept: after the upload you come back here with the new document chosen.',
    'decisionsOwners.draftRestored':
      'Your report is as you left it, with the uploaded document chosen as evidence.',
    'decisionsOwners.returnTo': 'After the upload, you will go back to: {path}',
    'decisionsOwners.error.reportForAnother':
      'You can report only for your own organization’s part of this action.',
    'decisionsOwners.error.notAnOwner': 'That organization is not an owner of this action.',
    'decisionsOwners.error.ownerRequired': 'Choose the owner you report for.',
    'decisionsOwners.error.doneNeedsAllOwners':
      'Not every owner has reported its part done. To declare the action done anyway, give the reason.',
    'decisionsOwners.error.returnToOffSite':
      'The page to go back to after the upload must be on this site. The document was not uploaded.',
    'decisionsOwners.error.pendingOwner':
      'Your organization’s report of done is already waiting for validation.',
  },
  es: {
    'decisionsOwners.recorded':
      'Se registró la decisión {code}. El formulario quedó vacío para la siguiente.',
    'decisionsOwners.corrected': 'Se registró la corrección (corrigendum) de la decisión {code}.',
    'decisionsOwners.withdrawnDone': 'Se retiró la decisión {code}. Su código no se volverá a asignar.',
    'decisionsOwners.duplicateTitle': 'Esta decisión se parece a una ya registrada',
    'decisionsOwners.duplicateExplain':
      'Su texto es casi igual al de la decisión {code} de esta reunión. Revíselo: si de verdad es otra decisión, marque la casilla y regístrela de nuevo. Su texto se conserva abajo.',
    'decisionsOwners.confirmDuplicate': 'Sí, es otra decisión: registrarla',
    'decisionsOwners.status.in_force': 'Vigente',
    'decisionsOwners.status.withdrawn': 'Retirada',
    'decisionsOwners.status.corrected': 'Corregida',
    'decisionsOwners.withdrawnOn': 'Retirada el {date}: {reason}',
    'decisionsOwners.history': 'Correcciones ({count})',
    'decisionsOwners.corrigendum': 'Corrigendum {number}, {date}, por {name}',
    'decisionsOwners.previousText': 'Texto anterior',
    'decisionsOwners.newText': 'Texto nuevo',
    'decisionsOwners.reason': 'Motivo',
    'decisionsOwners.correctTitle': 'Corregir mediante corrigendum',
    'decisionsOwners.correctExplain': 'El código no cambia; el texto reemplazado se conserva y se muestra.',
    'decisionsOwners.correctSubmit': 'Registrar el corrigendum',
    'decisionsOwners.withdrawTitle': 'Retirar esta decisión',
    'decisionsOwners.withdrawExplain':
      'Una decisión retirada sigue en el registro, marcada como retirada; su código no se vuelve a asignar.',
    'decisionsOwners.withdrawSubmit': 'Retirar la decisión',
    'decisionsOwners.register.status': 'Estado',
    'decisionsOwners.register.anyStatus': 'Cualquier estado',
    'decisionsOwners.register.meeting': 'Reunión',
    'decisionsOwners.register.anyMeeting': 'Cualquier reunión',
    'decisionsOwners.register.export': 'Descargar',
    'decisionsOwners.register.xlsx': 'Excel (XLSX)',
    'decisionsOwners.register.csv': 'CSV',
    'decisionsOwners.register.printHint':
      'Para imprimir el registro, use la orden de imprimir del navegador.',
    'decisionsOwners.export.code': 'Código',
    'decisionsOwners.export.number': 'Número',
    'decisionsOwners.export.textEs': 'Texto (español)',
    'decisionsOwners.export.textEn': 'Texto (inglés)',
    'decisionsOwners.export.meeting': 'Reunión',
    'decisionsOwners.export.date': 'Fecha',
    'decisionsOwners.export.status': 'Estado',
    'decisionsOwners.export.corrigenda': 'Correcciones',
    'decisionsOwners.export.withdrawalReason': 'Motivo del retiro',
    'decisionsOwners.export.sheet': 'Decisiones',
    'decisionsOwners.export.busy': 'No se pudo preparar la descarga en este momento. Inténtelo en un minuto.',
    'decisionsOwners.error.secretariatOnly': 'Solo la Secretaría puede corregir o retirar una decisión.',
    'decisionsOwners.error.reasonRequired': 'Indique el motivo.',
    'decisionsOwners.error.withdrawnFinal': 'Esta decisión fue retirada: ya no se puede modificar.',
    'decisionsOwners.error.staleDecision':
      'La decisión fue corregida entretanto. Lea su texto actual e inténtelo de nuevo.',
    'decisionsOwners.error.sameText': 'El texto corregido es igual al actual.',
    'decisionsOwners.error.nearDuplicate':
      'Casi igual a una decisión ya registrada en esta reunión: confirme que es otra decisión.',
    'decisionsOwners.error.codeTaken': 'Ese código pertenece a otra decisión, aunque esté retirada.',
    'decisionsOwners.owners.title': 'Avance por responsable',
    'decisionsOwners.owners.owner': 'Responsable',
    'decisionsOwners.owners.status': 'Estado',
    'decisionsOwners.owners.progress': 'Avance',
    'decisionsOwners.owners.last': 'Último informe',
    'decisionsOwners.owners.none': 'Sin informe todavía',
    'decisionsOwners.owners.overall': 'En conjunto',
    'decisionsOwners.owners.validated': 'terminada, validada',
    'decisionsOwners.owners.pending': 'terminada, pendiente de validación',
    'decisionsOwners.owners.returned': 'devuelta',
    'decisionsOwners.field.owner': 'Informa por',
    'decisionsOwners.field.ownerHint': 'Cada responsable informa sobre su parte de la acción.',
    'decisionsOwners.field.wholeAction': 'La acción completa (Secretaría)',
    'decisionsOwners.field.decisionReason': 'Motivo para dar la acción por terminada',
    'decisionsOwners.field.decisionReasonHint':
      'Necesario cuando no todos los responsables informaron su parte terminada: la decisión de la Secretaría, con su motivo.',
    'decisionsOwners.partDone':
      '{owner} informó su parte terminada. La acción termina cuando todos los responsables hayan informado (o cuando la Secretaría lo decida, con un motivo).',
    'decisionsOwners.validationComment': 'Comentario de la Secretaría',
    'decisionsOwners.uploadFirstHint':
      'Lo que escribió se conserva: después de subirlo vuelve aquí con el documento nuevo elegido.',
    'decisionsOwners.draftRestored':
      'Su informe está como lo dejó, con el documento subido elegido como evidencia.',
    'decisionsOwners.returnTo': 'Después de subirlo volverá a: {path}',
    'decisionsOwners.error.reportForAnother':
      'Solo puede informar sobre la parte de su propia organización en esta acción.',
    'decisionsOwners.error.notAnOwner': 'Esa organización no es responsable de esta acción.',
    'decisionsOwners.error.ownerRequired': 'Elija el responsable por el que informa.',
    'decisionsOwners.error.doneNeedsAllOwners':
      'No todos los responsables informaron su parte terminada. Para dar la acción por terminada de todos modos, indique el motivo.',
    'decisionsOwners.error.returnToOffSite':
      'La página a la que volver después de subir el documento debe estar en este sitio. El documento no se subió.',
    'decisionsOwners.error.pendingOwner':
      'El informe de terminada de su organización ya está pendiente de validación.',
  },
})
