// The confirmation step of destructive or final acts (components/confirm.tsx) and the notices said once
// after them (components/notice.tsx): what will happen, then what happened, naming the record.
import { defineMessages } from '../core'

export const confirm = defineMessages({
  en: {
    'confirm.cancel': 'Cancel',
    'confirm.undo': 'Undo',
    'confirm.document.title': 'Delete the document «{title}»?',
    'confirm.document.text':
      'It leaves the library, search, the API and downloads. The deletion is recorded and the secretariat can restore the document.',
    'confirm.done.documentDeleted': 'Document «{title}» deleted.',
    'confirm.done.documentDeletedAskSecretariat':
      'Document «{title}» deleted. To get it back, ask the secretariat to restore it.',
    'confirm.done.documentRestored': 'Document «{title}» restored.',
    'confirm.done.documentSaved': 'Details of the document «{title}» saved.',
    'confirm.done.translationAddedPlain': 'Translation added.',
    'confirm.done.documentPublished': 'Document «{title}» published.',
    'confirm.done.versionPublished': 'Version {version} published.',
    'confirm.error.undoTooLate': 'This can no longer be undone: the record has changed since.',
    'confirm.error.notDisabled': 'This account is not disabled: there is nothing to enable.',
    'confirm.action.title': 'Cancel the action «{title}»?',
    'confirm.action.text':
      'It takes no more reports and a report awaiting validation is sent back. Your reason stays in the history.',
    'confirm.done.actionCancelled': 'Action «{title}» cancelled.',
    'confirm.done.actionReopened': 'Action «{title}» reopened: the cancellation was undone.',
    'confirm.agenda.title': 'Remove agenda item {number}, «{title}»?',
    'confirm.agenda.text': 'It leaves the agenda of this meeting and the items after it are numbered anew.',
    'confirm.agenda.confirm': 'Remove the item',
    'confirm.done.agendaItemRemoved': 'Agenda item «{title}» removed.',
    'confirm.member.title': 'Remove {name} from the group?',
    'confirm.member.text':
      'They lose the rights the group gives (drafting its plans, its restricted documents).',
    'confirm.done.memberRemoved': '{name} removed from the group «{group}».',
    'confirm.done.memberReadded': '{email} added back to the group.',
    'confirm.person.title': 'Disable the account of {name}?',
    'confirm.person.text':
      'They are signed out everywhere and can no longer sign in until an administrator enables the account again.',
    'confirm.decision.title': 'Withdraw decision {code}?',
    'confirm.decision.text':
      'A withdrawn decision stays in the register, struck through with your reason; it can be neither corrected nor reinstated, and its code is never given again.',
    'confirm.token.title': 'Revoke the token «{name}»?',
    'confirm.token.text':
      'Programs that use it are refused from now on. A revoked token never works again: create a new one if you need one.',
    'confirm.done.tokenRevoked': 'Token «{name}» revoked: programs that used it are refused from now on.',
    'confirm.session.title': 'End the session started {date}?',
    'confirm.session.text':
      'That browser is signed out at once; signing in there again starts a new session.',
    'confirm.session.confirm': 'End the session',
    'confirm.sessions.title': 'End every other session?',
    'confirm.sessions.text':
      'Every other browser or device where you are signed in is signed out at once; this one stays signed in.',
    'confirm.round.title': 'Close round {number} now, before its deadline?',
    'confirm.round.text':
      'No organization can comment or submit its position in this round any more; drafts not submitted stay unsent. A closed round cannot be reopened.',
    'confirm.done.roundClosed': 'Round {number} closed: it takes no more comments.',
    'confirm.done.minutesAdopted':
      "Minutes adopted: they are now the meeting's official record and can no longer be edited; corrections go as errata.",
    'confirm.meeting.title': 'Cancel the meeting «{title}»?',
    'confirm.meeting.text':
      'Its participants are told at once, as each has chosen to be notified, and its calendar entry shows it cancelled. The other changes you made in the form are saved with it.',
    'confirm.meeting.confirm': 'Cancel the meeting',
    'confirm.done.meetingCancelled':
      'Meeting «{title}» cancelled; its participants are being told. To hold it after all, edit it and set its status again.',
  },
  es: {
    'confirm.cancel': 'Cancelar',
    'confirm.undo': 'Deshacer',
    'confirm.document.title': '¿Eliminar el documento «{title}»?',
    'confirm.document.text':
      'Deja de aparecer en la biblioteca, la búsqueda, la API y las descargas. La eliminación queda registrada y la secretaría puede restaurar el documento.',
    'confirm.done.documentDeleted': 'Documento «{title}» eliminado.',
    'confirm.done.documentDeletedAskSecretariat':
      'Documento «{title}» eliminado. Para recuperarlo, pida a la secretaría que lo restaure.',
    'confirm.done.documentRestored': 'Documento «{title}» restaurado.',
    'confirm.done.documentSaved': 'Datos del documento «{title}» guardados.',
    'confirm.done.translationAddedPlain': 'Traducción añadida.',
    'confirm.done.documentPublished': 'Documento «{title}» publicado.',
    'confirm.done.versionPublished': 'Versión {version} publicada.',
    'confirm.error.undoTooLate': 'Ya no se puede deshacer: el registro cambió desde entonces.',
    'confirm.error.notDisabled': 'Esta cuenta no está desactivada: no hay nada que activar.',
    'confirm.action.title': '¿Cancelar la acción «{title}»?',
    'confirm.action.text':
      'No admitirá más informes y un informe pendiente de validación se devuelve. Su motivo queda en el historial.',
    'confirm.done.actionCancelled': 'Acción «{title}» cancelada.',
    'confirm.done.actionReopened': 'Acción «{title}» reabierta: se deshizo la cancelación.',
    'confirm.agenda.title': '¿Quitar el punto {number} del orden del día, «{title}»?',
    'confirm.agenda.text':
      'Deja el orden del día de esta reunión y los puntos siguientes se numeran de nuevo.',
    'confirm.agenda.confirm': 'Quitar el punto',
    'confirm.done.agendaItemRemoved': 'Punto «{title}» quitado del orden del día.',
    'confirm.member.title': '¿Quitar a {name} del grupo?',
    'confirm.member.text':
      'Pierde los derechos que da el grupo (redactar sus planes, sus documentos restringidos).',
    'confirm.done.memberRemoved': '{name} ya no es miembro del grupo «{group}».',
    'confirm.done.memberReadded': '{email} vuelve a ser miembro del grupo.',
    'confirm.person.title': '¿Desactivar la cuenta de {name}?',
    'confirm.person.text':
      'Se cierran todas sus sesiones y no podrá entrar hasta que un administrador vuelva a activar la cuenta.',
    'confirm.decision.title': '¿Retirar la decisión {code}?',
    'confirm.decision.text':
      'Una decisión retirada permanece en el registro, tachada y con su motivo; no puede corregirse ni restablecerse, y su código no se vuelve a asignar.',
    'confirm.token.title': '¿Revocar el token «{name}»?',
    'confirm.token.text':
      'Los programas que lo usan quedan rechazados desde ahora. Un token revocado no vuelve a funcionar: cree uno nuevo si lo necesita.',
    'confirm.done.tokenRevoked':
      'Token «{name}» revocado: los programas que lo usaban quedan rechazados desde ahora.',
    'confirm.session.title': '¿Cerrar la sesión iniciada el {date}?',
    'confirm.session.text':
      'Ese navegador queda desconectado en el acto; si vuelve a entrar desde él, empieza una sesión nueva.',
    'confirm.session.confirm': 'Cerrar la sesión',
    'confirm.sessions.title': '¿Cerrar todas las demás sesiones?',
    'confirm.sessions.text':
      'Todos los demás navegadores o dispositivos en los que ha entrado quedan desconectados en el acto; este sigue conectado.',
    'confirm.round.title': '¿Cerrar ahora la ronda {number}, antes de su plazo?',
    'confirm.round.text':
      'Ninguna organización podrá ya comentar ni enviar su posición en esta ronda; los borradores no enviados quedan sin enviar. Una ronda cerrada no puede reabrirse.',
    'confirm.done.roundClosed': 'Ronda {number} cerrada: ya no admite comentarios.',
    'confirm.done.minutesAdopted':
      'Acta aprobada: es ahora el registro oficial de la reunión y ya no puede modificarse; las correcciones se hacen como fe de erratas.',
    'confirm.meeting.title': '¿Cancelar la reunión «{title}»?',
    'confirm.meeting.text':
      'Sus participantes reciben el aviso en el acto, según cómo haya elegido cada uno, y su entrada de calendario la muestra cancelada. Los demás cambios que hizo en el formulario se guardan con ella.',
    'confirm.meeting.confirm': 'Cancelar la reunión',
    'confirm.done.meetingCancelled':
      'Reunión «{title}» cancelada; se está avisando a sus participantes. Para celebrarla finalmente, edítela y vuelva a elegir su estado.',
  },
})
