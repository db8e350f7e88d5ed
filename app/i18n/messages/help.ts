// Help for newcomers (/help, /help/:role), the privacy notice, the accessibility statement, the footer
// and the public home page's documents and calendar.
import { defineMessages } from '../core'

export const help = defineMessages({
  en: {
    'help.nav': 'Help',
    'help.title': 'Help',
    'help.intro': 'What you can do on the portal depends on your role. Choose yours to see it step by step.',
    'help.roles': 'Help by role',
    'help.back': 'All help pages',
    'help.canDo': 'What you can do',
    'help.steps': 'Step by step',
    'help.more': 'Need more help?',
    'help.moreText':
      'Write to the Executive Secretariat: {email}. Say which page you were on and what you tried to do.',
    'help.signedOut':
      'Most pages need an account. The Executive Secretariat sends you an invitation by e-mail.',

    'help.role.delegate': 'Delegates',
    'help.role.delegate.summary': 'People who represent a Member Country in meetings and working groups.',
    'help.role.delegate.can1': 'See the meetings your country is invited to, their agendas and documents.',
    'help.role.delegate.can2': 'Read and download documents in Spanish or English.',
    'help.role.delegate.can3': 'Report progress on the action items assigned to your country.',
    'help.role.delegate.can4': 'Comment on the plans drafted in your working groups.',
    'help.role.delegate.step1': 'Sign in with the e-mail address at which you received the invitation.',
    'help.role.delegate.step2': 'Open Meetings to see the coming meetings, their agendas and documents.',
    'help.role.delegate.step3':
      'Open Documents to find a document; its page offers the file in each language it exists in.',
    'help.role.delegate.step4':
      'Open Actions to see what your country committed to; on an action, give its status and progress.',
    'help.role.delegate.step5': 'Open Working groups, then a plan, to read a section and comment on it.',
    'help.role.delegate.step6':
      'In My account, choose your language, change your password and turn on the second factor.',

    'help.role.focal': 'Focal points',
    'help.role.focal.summary':
      'The person who coordinates a country’s or organization’s participation in the RCM.',
    'help.role.focal.can1': 'Register your delegation for a meeting and say who attends.',
    'help.role.focal.can2': 'Keep your organization’s people up to date.',
    'help.role.focal.can3': 'Upload your country’s documents and their translations.',
    'help.role.focal.can4': 'Follow all of your country’s action items in one table.',
    'help.role.focal.step1':
      'Open the meeting, then Participants, and add the members of your delegation before the deadline.',
    'help.role.focal.step2': 'Open Members, then your country, to see who has an account.',
    'help.role.focal.step3':
      'Open Documents, then Add a document; choose who may see it and the language of the file.',
    'help.role.focal.step4':
      'Open the action board to see the action items of every country and the state of yours.',
    'help.role.focal.step5': 'Search finds documents, meetings, decisions, actions and people by words.',

    'help.role.secretariat': 'Executive Secretariat',
    'help.role.secretariat.summary': 'The staff who run the RCM’s meetings and keep its records.',
    'help.role.secretariat.can1': 'Convene meetings, keep their agendas, minutes and decisions.',
    'help.role.secretariat.can2': 'Invite people and manage their accounts.',
    'help.role.secretariat.can3': 'Publish documents and decide who may see each one.',
    'help.role.secretariat.can4':
      'Create action items and follow them up; read the audit log and the outbox.',
    'help.role.secretariat.step1':
      'Open Meetings, then New meeting, and fill in its dates, place and invitees.',
    'help.role.secretariat.step2': 'Invite a person: they receive an e-mail with a link that works once.',
    'help.role.secretariat.step3': 'Open Administration to see people, the audit log and the mail outbox.',
    'help.role.secretariat.step4':
      'Open Actions, then New action, to record a commitment and who carries it out.',
    'help.role.secretariat.step5': 'The action board shows the state of every country’s commitments.',

    'help.role.agency': 'Agencies and observers',
    'help.role.agency.summary':
      'International organizations and observer countries that take part in the RCM’s work.',
    'help.role.agency.can1': 'See the meetings you are invited to and the documents open to participants.',
    'help.role.agency.can2': 'Draft and comment on plans in the working groups you belong to.',
    'help.role.agency.can3': 'Report progress on the action items assigned to your organization.',
    'help.role.agency.can4':
      'Documents reserved to Member Countries are not shown to observers: ask the Secretariat if you need one.',
    'help.role.agency.step1': 'Open Working groups to see the groups you belong to and their plans.',
    'help.role.agency.step2': 'On a plan, open a section to propose text or comment on it.',
    'help.role.agency.step3': 'Open Meetings to see the meetings you are invited to and register for them.',
    'help.role.agency.step4': 'Open Actions to update the action items assigned to your organization.',

    'footer.contact': 'Contact the Executive Secretariat:',
    'footer.help': 'Help',
    'footer.privacy': 'Privacy notice',
    'footer.accessibility': 'Accessibility statement',
    'footer.links': 'About this portal',

    'privacy.title': 'Privacy notice',
    'privacy.intro':
      'The Executive Secretariat of the Regional Conference on Migration runs this portal and is responsible for the personal data in it.',
    'privacy.what': 'What we keep',
    'privacy.whatText':
      'For each person with an account: name, title, institution, organization, role, e-mail address, phone number if given, preferred language, and a record of sign-ins and changes (the audit log). For delegates registered for a meeting: what their delegation records for that meeting.',
    'privacy.who': 'Who sees it',
    'privacy.who1': 'The public sees organizations and public documents, never people.',
    'privacy.who2': 'Signed-in participants see names, titles, institutions and roles.',
    'privacy.why': 'Why',
    'privacy.whyText':
      'To convene meetings, share documents and follow up commitments between the RCM’s members. Nothing is sold or shared for any other purpose.',
    'privacy.cookies': 'Cookies',
    'privacy.cookiesText':
      'One cookie keeps you signed in and one remembers your language. There are no tracking or advertising cookies.',
    'privacy.rights': 'Your rights',
    'privacy.rightsText':
      'You may ask to see, correct or delete your data by writing to the Executive Secretariat at {email}.',
    'privacy.contactRule':
      'E-mail addresses and phone numbers are shown to the Executive Secretariat and to the person’s own organization; in a meeting’s list of participants, the delegates registered for that meeting also see one another’s e-mail addresses.',

    'accessibility.title': 'Accessibility statement',
    'accessibility.intro':
      'We want everyone to be able to use this portal, on any device and with assistive technology.',
    'accessibility.how': 'What we do',
    'accessibility.how1': 'Every page works without JavaScript and with the keyboard alone.',
    'accessibility.how2': 'Every page fits a phone screen 360 pixels wide.',
    'accessibility.how3':
      'Pages are tested automatically for accessibility faults (axe) in Spanish and English.',
    'accessibility.how4': 'The whole interface is available in Spanish and English.',
    'accessibility.limits': 'Known limits',
    'accessibility.limitsText':
      'Documents uploaded by members (PDF, Word) are published as their authors made them and may not be accessible. Ask us for another format.',
    'accessibility.standard': 'Standard',
    'accessibility.standardText':
      'We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2, level AA.',
    'accessibility.report': 'Report a problem',
    'accessibility.reportText':
      'If something is hard to use, write to {email}. Say which page and what happened; we answer within ten working days.',

    'landing.declarations': 'Declarations',
    'landing.declarationsIntro': 'The declarations of the Vice-Ministerial Meetings, open to all.',
    'landing.declarationsEmpty': 'No declaration has been published yet.',
    'landing.allPublic': 'All public documents',
    'landing.calendar': 'Calendar of meetings',
    'landing.calendarIntro':
      'Copy this address into your calendar application (Outlook, Google Calendar, Apple Calendar) to subscribe to the RCM’s open meetings:',
    'landing.calendarLabel': 'Address of the calendar',
    'landing.help': 'New here? Read the help for your role.',

    'nav.needsSignIn': '(sign in)',
  },
  es: {
    'help.nav': 'Ayuda',
    'help.title': 'Ayuda',
    'help.intro':
      'Lo que puede hacer en el portal depende de su función. Elija la suya para verlo paso a paso.',
    'help.roles': 'Ayuda por función',
    'help.back': 'Todas las páginas de ayuda',
    'help.canDo': 'Lo que puede hacer',
    'help.steps': 'Paso a paso',
    'help.more': '¿Necesita más ayuda?',
    'help.moreText':
      'Escriba a la Secretaría Ejecutiva: {email}. Indique en qué página estaba y qué intentaba hacer.',
    'help.signedOut':
      'La mayoría de las páginas requieren una cuenta. La Secretaría Ejecutiva le envía una invitación por correo electrónico.',

    'help.role.delegate': 'Personas delegadas',
    'help.role.delegate.summary':
      'Personas que representan a un País Miembro en las reuniones y los grupos de trabajo.',
    'help.role.delegate.can1':
      'Ver las reuniones a las que está invitado su país, sus agendas y sus documentos.',
    'help.role.delegate.can2': 'Leer y descargar documentos en español o en inglés.',
    'help.role.delegate.can3': 'Informar del avance de las acciones asignadas a su país.',
    'help.role.delegate.can4': 'Comentar los planes que se redactan en sus grupos de trabajo.',
    'help.role.delegate.step1':
      'Inicie sesión con la dirección de correo electrónico en la que recibió la invitación.',
    'help.role.delegate.step2':
      'Abra Reuniones para ver las próximas reuniones, sus agendas y sus documentos.',
    'help.role.delegate.step3':
      'Abra Documentos para buscar un documento; su página ofrece el archivo en cada idioma disponible.',
    'help.role.delegate.step4':
      'Abra Acciones para ver los compromisos de su país; en cada acción, indique su estado y su avance.',
    'help.role.delegate.step5': 'Abra Grupos de trabajo y luego un plan para leer una sección y comentarla.',
    'help.role.delegate.step6':
      'En Mi cuenta, elija su idioma, cambie su contraseña y active el segundo factor.',

    'help.role.focal': 'Puntos focales',
    'help.role.focal.summary':
      'La persona que coordina la participación de un país u organización en la CRM.',
    'help.role.focal.can1': 'Inscribir a su delegación en una reunión e indicar quién asiste.',
    'help.role.focal.can2': 'Mantener al día a las personas de su organización.',
    'help.role.focal.can3': 'Subir los documentos de su país y sus traducciones.',
    'help.role.focal.can4': 'Seguir todas las acciones de su país en una sola tabla.',
    'help.role.focal.step1':
      'Abra la reunión, luego Participantes, y añada a los miembros de su delegación antes del plazo.',
    'help.role.focal.step2': 'Abra Miembros y luego su país para ver quién tiene una cuenta.',
    'help.role.focal.step3':
      'Abra Documentos y luego Añadir un documento; elija quién puede verlo y el idioma del archivo.',
    'help.role.focal.step4':
      'Abra el tablero de acciones para ver las acciones de cada país y el estado de las suyas.',
    'help.role.focal.step5':
      'Buscar encuentra documentos, reuniones, decisiones, acciones y personas por palabras.',

    'help.role.secretariat': 'Secretaría Ejecutiva',
    'help.role.secretariat.summary':
      'El equipo que organiza las reuniones de la CRM y mantiene sus registros.',
    'help.role.secretariat.can1': 'Convocar reuniones y llevar sus agendas, actas y decisiones.',
    'help.role.secretariat.can2': 'Invitar a personas y administrar sus cuentas.',
    'help.role.secretariat.can3': 'Publicar documentos y decidir quién puede ver cada uno.',
    'help.role.secretariat.can4':
      'Crear acciones y darles seguimiento; consultar el registro de auditoría y la bandeja de salida.',
    'help.role.secretariat.step1':
      'Abra Reuniones y luego Nueva reunión, e indique sus fechas, su lugar y las invitaciones.',
    'help.role.secretariat.step2':
      'Invite a una persona: recibe un correo con un enlace que funciona una sola vez.',
    'help.role.secretariat.step3':
      'Abra Administración para ver las personas, el registro de auditoría y la bandeja de salida.',
    'help.role.secretariat.step4':
      'Abra Acciones y luego Nueva acción para registrar un compromiso y quién lo cumple.',
    'help.role.secretariat.step5':
      'El tablero de acciones muestra el estado de los compromisos de cada país.',

    'help.role.agency': 'Organismos y observadores',
    'help.role.agency.summary':
      'Organismos internacionales y países observadores que participan en el trabajo de la CRM.',
    'help.role.agency.can1':
      'Ver las reuniones a las que está invitado y los documentos abiertos a participantes.',
    'help.role.agency.can2': 'Redactar y comentar planes en los grupos de trabajo de los que forma parte.',
    'help.role.agency.can3': 'Informar del avance de las acciones asignadas a su organización.',
    'help.role.agency.can4':
      'Los documentos reservados a los Países Miembros no se muestran a observadores: pídalos a la Secretaría si los necesita.',
    'help.role.agency.step1':
      'Abra Grupos de trabajo para ver los grupos de los que forma parte y sus planes.',
    'help.role.agency.step2': 'En un plan, abra una sección para proponer un texto o comentarlo.',
    'help.role.agency.step3': 'Abra Reuniones para ver las reuniones a las que está invitado e inscribirse.',
    'help.role.agency.step4': 'Abra Acciones para actualizar las acciones asignadas a su organización.',

    'footer.contact': 'Contacto de la Secretaría Ejecutiva:',
    'footer.help': 'Ayuda',
    'footer.privacy': 'Aviso de privacidad',
    'footer.accessibility': 'Declaración de accesibilidad',
    'footer.links': 'Sobre este portal',

    'privacy.title': 'Aviso de privacidad',
    'privacy.intro':
      'La Secretaría Ejecutiva de la Conferencia Regional sobre Migración administra este portal y es responsable de los datos personales que contiene.',
    'privacy.what': 'Qué datos guardamos',
    'privacy.whatText':
      'De cada persona con cuenta: nombre, cargo, institución, organización, función, correo electrónico, teléfono si lo indica, idioma preferido y un registro de inicios de sesión y cambios (el registro de auditoría). De las personas inscritas en una reunión: lo que su delegación registra para esa reunión.',
    'privacy.who': 'Quién los ve',
    'privacy.who1': 'El público ve organizaciones y documentos públicos, nunca personas.',
    'privacy.who2': 'Quienes han iniciado sesión ven nombres, cargos, instituciones y funciones.',
    'privacy.why': 'Para qué',
    'privacy.whyText':
      'Para convocar reuniones, compartir documentos y dar seguimiento a los compromisos entre los miembros de la CRM. Nada se vende ni se comparte con otro fin.',
    'privacy.cookies': 'Cookies',
    'privacy.cookiesText':
      'Una cookie mantiene su sesión abierta y otra recuerda su idioma. No hay cookies de seguimiento ni de publicidad.',
    'privacy.rights': 'Sus derechos',
    'privacy.rightsText':
      'Puede pedir ver, corregir o suprimir sus datos escribiendo a la Secretaría Ejecutiva a {email}.',
    'privacy.contactRule':
      'Los correos electrónicos y teléfonos se muestran a la Secretaría Ejecutiva y a la propia organización de la persona; en la lista de participantes de una reunión, las personas inscritas en esa reunión también ven los correos electrónicos de las demás.',

    'accessibility.title': 'Declaración de accesibilidad',
    'accessibility.intro':
      'Queremos que todas las personas puedan usar este portal, en cualquier dispositivo y con tecnologías de apoyo.',
    'accessibility.how': 'Lo que hacemos',
    'accessibility.how1': 'Cada página funciona sin JavaScript y solo con el teclado.',
    'accessibility.how2': 'Cada página cabe en la pantalla de un teléfono de 360 píxeles de ancho.',
    'accessibility.how3':
      'Las páginas se revisan automáticamente en busca de fallos de accesibilidad (axe) en español y en inglés.',
    'accessibility.how4': 'Toda la interfaz está disponible en español y en inglés.',
    'accessibility.limits': 'Limitaciones conocidas',
    'accessibility.limitsText':
      'Los documentos que suben los miembros (PDF, Word) se publican tal como los hicieron sus autores y pueden no ser accesibles. Pídanos otro formato.',
    'accessibility.standard': 'Norma',
    'accessibility.standardText':
      'Procuramos cumplir las Pautas de Accesibilidad para el Contenido Web (WCAG) 2.2, nivel AA.',
    'accessibility.report': 'Informar de un problema',
    'accessibility.reportText':
      'Si algo es difícil de usar, escriba a {email}. Indique la página y lo que ocurrió; respondemos en un plazo de diez días hábiles.',

    'landing.declarations': 'Declaraciones',
    'landing.declarationsIntro':
      'Las declaraciones de las Reuniones Viceministeriales, abiertas a todo el público.',
    'landing.declarationsEmpty': 'Aún no se ha publicado ninguna declaración.',
    'landing.allPublic': 'Todos los documentos públicos',
    'landing.calendar': 'Calendario de reuniones',
    'landing.calendarIntro':
      'Copie esta dirección en su aplicación de calendario (Outlook, Google Calendar, Calendario de Apple) para suscribirse a las reuniones abiertas de la CRM:',
    'landing.calendarLabel': 'Dirección del calendario',
    'landing.help': '¿Es nuevo? Lea la ayuda para su función.',

    'nav.needsSignIn': '(requiere sesión)',
  },
})
