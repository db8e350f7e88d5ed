// Delegations as they really are (decision 0028): members without a portal account, their logistics
// for the secretariat (kept for a set time), the official invitation letter and printable badges.
import { defineMessages } from '../core'

export const delegations = defineMessages({
  en: {
    'delegations.addMember': 'Register a member without an account',
    'delegations.addMemberHint':
      'For someone who does not use the portal, such as a Vice-Minister: name, title, institution and, if you have it, an e-mail address.',
    'delegations.noAccount': 'no portal account',
    'delegations.open': 'Logistics and letter',
    'delegations.openLabel': 'Logistics and invitation letter of {name}',
    'delegations.badges': 'Badges and name cards',
    'delegations.saved.added': 'The member was registered in the delegation.',
    'delegations.saved.member': 'Saved.',
    'delegations.saved.removed': 'The member was removed from the delegation.',
    'delegations.back': 'Back to the participants',
    'delegations.new.title': 'New delegation member',
    'delegations.member.of': 'Delegation of {organization}',
    'delegations.member.details': 'Details',
    'delegations.field.organization': 'Delegation of',
    'delegations.field.name': 'Full name',
    'delegations.field.title': 'Title or position',
    'delegations.field.titleHint': 'For example: Vice-Minister of Foreign Affairs',
    'delegations.field.institution': 'Institution',
    'delegations.field.email': 'E-mail (optional)',
    'delegations.field.role': 'Role in the delegation',
    'delegations.field.arrivalAt': 'Arrival',
    'delegations.field.departureAt': 'Departure',
    'delegations.field.timeHint': "Date and time, in the meeting's local time ({zone}).",
    'delegations.field.accessibility': 'Accessibility needs',
    'delegations.field.accessibilityHint': 'For example: wheelchair access, sign language interpretation.',
    'delegations.field.dietary': 'Dietary needs',
    'delegations.logistics.title': 'Logistics for the secretariat',
    'delegations.logistics.privacy':
      'Seen only by the Executive Secretariat and your own delegation. Deleted {days} days after the meeting ends, on {date}.',
    'delegations.logistics.none': 'No logistics recorded.',
    'delegations.logistics.readOnly':
      'The logistics can no longer be changed here; write to the secretariat.',
    'delegations.submit.add': 'Register member',
    'delegations.submit.save': 'Save',
    'delegations.remove': 'Remove from the delegation',
    'delegations.removeLabel': 'Remove {name} from the delegation',
    'delegations.col.arrival': 'Arrival',
    'delegations.col.departure': 'Departure',
    'delegations.col.needs': 'Accessibility and diet',
    'delegations.error.notYourDelegation':
      "You can register members only into your own organization's delegation, before the registration deadline.",
    'delegations.error.departureBeforeArrival': 'The departure cannot be before the arrival.',
    'delegations.error.arrivalOutside':
      'The arrival must be at most 14 days before the meeting starts, and no later than its end.',
    'delegations.error.departureOutside':
      'The departure must be after the meeting starts, and at most 14 days after it ends.',
    'delegations.error.logisticsExpired':
      'This meeting is past the retention period: its logistics are no longer kept.',
    'delegations.letter.heading': 'Official invitation letter',
    'delegations.letter.hint':
      'A PDF from the Executive Secretariat naming the member, the meeting, its place and dates, for visa applications.',
    'delegations.letter.language': 'Language of the letter',
    'delegations.letter.download': 'Download the letter (PDF)',
    'delegations.letter.title': 'Invitation letter: {name}',
    'delegations.letter.filename': 'invitation-letter',
    'delegations.letter.conference': 'Regional Conference on Migration',
    'delegations.letter.signatory': 'Executive Secretariat',
    'delegations.letter.address': 'Puebla Process · San José, Costa Rica',
    'delegations.letter.placeAndDate': 'San José, {date}',
    'delegations.letter.reference': 'Ref.: {reference}',
    'delegations.letter.subject': 'Subject: official invitation, {meeting}',
    'delegations.letter.body':
      'The Executive Secretariat of the Regional Conference on Migration (RCM) has the honour to invite {name} to take part, as {role} of the delegation of {organization}, in the meeting “{meeting}”, to be held in {place} from {start} to {end}.',
    'delegations.letter.bodyOneDay':
      'The Executive Secretariat of the Regional Conference on Migration (RCM) has the honour to invite {name} to take part, as {role} of the delegation of {organization}, in the meeting “{meeting}”, to be held in {place} on {start}.',
    'delegations.letter.purpose':
      'This letter is issued at the request of the delegation to support the visa application and travel arrangements of the person invited before the competent consular authorities. It does not commit the Conference to covering any travel or accommodation expenses.',
    'delegations.letter.courtesy':
      'We thank the authorities in advance for the attention they may give to this letter.',
    'delegations.letter.closing': 'Yours sincerely,',
    'delegations.letter.footer':
      'Issued on {date} through the RCM coordination portal ({reference}). Valid only for the meeting named above.',
    'delegations.letter.online': 'an online format',
    'delegations.letter.role.head': 'head',
    'delegations.letter.role.alternate': 'alternate',
    'delegations.letter.role.adviser': 'adviser',
    'delegations.badges.title': 'Badges and name cards',
    'delegations.badges.hint':
      'Print on A4 paper: eight badges, or two name cards to fold, per page. The portal’s menus are not printed.',
    'delegations.badges.kind': 'Print',
    'delegations.badges.kind.badges': 'Badges',
    'delegations.badges.kind.cards': 'Name cards',
    'delegations.badges.show': 'Show',
    'delegations.badges.none': 'No delegation to print yet.',
    'delegations.badges.count': {
      zero: 'No member',
      one: '{count} member',
      other: '{count} members',
    },
  },
  es: {
    'delegations.addMember': 'Registrar a un miembro sin cuenta',
    'delegations.addMemberHint':
      'Para quien no usa el portal, como un viceministro o una viceministra: nombre, cargo, institución y, si lo tiene, un correo electrónico.',
    'delegations.noAccount': 'sin cuenta en el portal',
    'delegations.open': 'Logística y carta',
    'delegations.openLabel': 'Logística y carta de invitación de {name}',
    'delegations.badges': 'Gafetes y tarjetas de mesa',
    'delegations.saved.added': 'El miembro quedó registrado en la delegación.',
    'delegations.saved.member': 'Guardado.',
    'delegations.saved.removed': 'El miembro fue retirado de la delegación.',
    'delegations.back': 'Volver a los participantes',
    'delegations.new.title': 'Nuevo miembro de la delegación',
    'delegations.member.of': 'Delegación de {organization}',
    'delegations.member.details': 'Datos',
    'delegations.field.organization': 'Delegación de',
    'delegations.field.name': 'Nombre completo',
    'delegations.field.title': 'Cargo',
    'delegations.field.titleHint': 'Por ejemplo: Viceministra de Relaciones Exteriores',
    'delegations.field.institution': 'Institución',
    'delegations.field.email': 'Correo electrónico (opcional)',
    'delegations.field.role': 'Función en la delegación',
    'delegations.field.arrivalAt': 'Llegada',
    'delegations.field.departureAt': 'Salida',
    'delegations.field.timeHint': 'Fecha y hora, en la hora local de la reunión ({zone}).',
    'delegations.field.accessibility': 'Necesidades de accesibilidad',
    'delegations.field.accessibilityHint':
      'Por ejemplo: acceso en silla de ruedas, interpretación en lengua de señas.',
    'delegations.field.dietary': 'Necesidades alimentarias',
    'delegations.logistics.title': 'Logística para la Secretaría',
    'delegations.logistics.privacy':
      'Solo la ven la Secretaría Ejecutiva y su propia delegación. Se elimina {days} días después del fin de la reunión, el {date}.',
    'delegations.logistics.none': 'No hay logística registrada.',
    'delegations.logistics.readOnly': 'La logística ya no se puede cambiar aquí; escriba a la Secretaría.',
    'delegations.submit.add': 'Registrar miembro',
    'delegations.submit.save': 'Guardar',
    'delegations.remove': 'Retirar de la delegación',
    'delegations.removeLabel': 'Retirar a {name} de la delegación',
    'delegations.col.arrival': 'Llegada',
    'delegations.col.departure': 'Salida',
    'delegations.col.needs': 'Accesibilidad y alimentación',
    'delegations.error.notYourDelegation':
      'Solo puede registrar miembros en la delegación de su propia organización, antes del cierre de la inscripción.',
    'delegations.error.departureBeforeArrival': 'La salida no puede ser anterior a la llegada.',
    'delegations.error.arrivalOutside':
      'La llegada debe ser como máximo 14 días antes del inicio de la reunión y no después de su fin.',
    'delegations.error.departureOutside':
      'La salida debe ser posterior al inicio de la reunión y como máximo 14 días después de su fin.',
    'delegations.error.logisticsExpired':
      'Esta reunión superó el plazo de conservación: su logística ya no se guarda.',
    'delegations.letter.heading': 'Carta oficial de invitación',
    'delegations.letter.hint':
      'Un PDF de la Secretaría Ejecutiva con el nombre del miembro, la reunión, su lugar y sus fechas, para trámites de visado.',
    'delegations.letter.language': 'Idioma de la carta',
    'delegations.letter.download': 'Descargar la carta (PDF)',
    'delegations.letter.title': 'Carta de invitación: {name}',
    'delegations.letter.filename': 'carta-de-invitacion',
    'delegations.letter.conference': 'Conferencia Regional sobre Migración',
    'delegations.letter.signatory': 'Secretaría Ejecutiva',
    'delegations.letter.address': 'Proceso Puebla · San José, Costa Rica',
    'delegations.letter.placeAndDate': 'San José, {date}',
    'delegations.letter.reference': 'Ref.: {reference}',
    'delegations.letter.subject': 'Asunto: invitación oficial, {meeting}',
    'delegations.letter.body':
      'La Secretaría Ejecutiva de la Conferencia Regional sobre Migración (CRM) tiene el honor de invitar a {name} a participar, en calidad de {role} de la delegación de {organization}, en la reunión «{meeting}», que se celebrará en {place} del {start} al {end}.',
    'delegations.letter.bodyOneDay':
      'La Secretaría Ejecutiva de la Conferencia Regional sobre Migración (CRM) tiene el honor de invitar a {name} a participar, en calidad de {role} de la delegación de {organization}, en la reunión «{meeting}», que se celebrará en {place} el {start}.',
    'delegations.letter.purpose':
      'La presente se extiende a solicitud de la delegación para respaldar los trámites de visado y de viaje de la persona invitada ante las autoridades consulares competentes. No compromete a la Conferencia a cubrir gastos de viaje ni de estadía.',
    'delegations.letter.courtesy':
      'Agradecemos de antemano la atención que las autoridades se sirvan brindar a la presente.',
    'delegations.letter.closing': 'Atentamente,',
    'delegations.letter.footer':
      'Emitida el {date} desde el portal de coordinación de la CRM ({reference}). Válida únicamente para la reunión indicada.',
    'delegations.letter.online': 'modalidad virtual',
    'delegations.letter.role.head': 'jefe o jefa',
    'delegations.letter.role.alternate': 'suplente',
    'delegations.letter.role.adviser': 'asesor o asesora',
    'delegations.badges.title': 'Gafetes y tarjetas de mesa',
    'delegations.badges.hint':
      'Imprima en papel A4: ocho gafetes, o dos tarjetas de mesa para doblar, por página. Los menús del portal no se imprimen.',
    'delegations.badges.kind': 'Imprimir',
    'delegations.badges.kind.badges': 'Gafetes',
    'delegations.badges.kind.cards': 'Tarjetas de mesa',
    'delegations.badges.show': 'Mostrar',
    'delegations.badges.none': 'Todavía no hay delegaciones que imprimir.',
    'delegations.badges.count': {
      zero: 'Ningún miembro',
      one: '{count} miembro',
      other: '{count} miembros',
    },
  },
})
