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
    'confirm.action.title': 'Cancel the action «{title}»?',
    'confirm.action.text':
      'It takes no more reports and a report awaiting validation is sent back. Your reason stays in the history.',
    'confirm.done.actionCancelled': 'Action «{title}» cancelled.',
    'confirm.done.actionReopened': 'Action «{title}» reopened: the cancellation was undone.',
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
    'confirm.action.title': '¿Cancelar la acción «{title}»?',
    'confirm.action.text':
      'No admitirá más informes y un informe pendiente de validación se devuelve. Su motivo queda en el historial.',
    'confirm.done.actionCancelled': 'Acción «{title}» cancelada.',
    'confirm.done.actionReopened': 'Acción «{title}» reabierta: se deshizo la cancelación.',
  },
})
