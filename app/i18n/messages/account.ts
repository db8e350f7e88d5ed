// The personal account page, the second factor, invitation and password-reset links, and their mail.
import { defineMessages } from '../core'

export const account = defineMessages({
  en: {
    'account.title': 'My account',
    'account.nav.label': 'Sections of my account',
    'account.nav.profile': 'Profile and language',
    'account.nav.password': 'Password',
    'account.nav.sessions': 'Sessions',
    'account.nav.tokens': 'API tokens',
    'account.nav.secondFactor': 'Second factor',
    'account.viaSession': 'Your account can only be changed from a signed-in browser, not with an API token.',
    'account.unknown': 'Unknown',
    'account.never': 'Never',

    'account.profile.heading': 'Profile',
    'account.profile.name': 'Name',
    'account.profile.title': 'Title or position',
    'account.profile.phone': 'Telephone',
    'account.profile.phoneHint': 'With the country code, e.g. +507 500 0000.',
    'account.profile.phoneFormat': 'Use digits, spaces and + ( ) . - only, e.g. +507 500 0000.',
    'account.profile.email': 'E-mail (your sign-in name)',
    'account.profile.emailHint': 'To change your e-mail address, ask the Executive Secretariat.',
    'account.profile.save': 'Save profile',

    'account.language.heading': 'Language',
    'account.language.label': 'Preferred language',
    'account.language.hint': 'Used for the portal and for the e-mails it sends you.',
    'account.language.save': 'Save language',

    'account.password.heading': 'Password',
    'account.password.current': 'Current password',
    'account.password.new': 'New password',
    'account.password.confirm': 'Repeat the new password',
    'account.password.hint':
      'Between 8 and 128 characters. A long phrase is easy to remember and hard to guess.',
    'account.password.note': 'Changing your password signs you out of every other browser and device.',
    'account.password.save': 'Change password',
    'account.password.mismatch': 'The two passwords are not the same.',
    'account.password.wrongCurrent': 'The current password is not correct.',
    'account.password.throttled': 'Too many wrong passwords. Please wait a few minutes and try again.',

    'account.sessions.heading': 'Where you are signed in',
    'account.sessions.intro': 'End any session you do not recognise, then change your password.',
    'account.sessions.caption': 'Your sessions',
    'account.sessions.started': 'Started',
    'account.sessions.lastSeen': 'Last active',
    'account.sessions.ip': 'IP address',
    'account.sessions.browser': 'Browser',
    'account.sessions.current': 'This session',
    'account.sessions.end': 'End',
    'account.sessions.endLabel': 'End the session started {date}',
    'account.sessions.endOthers': 'End all other sessions',
    'account.sessions.noOthers': 'You are not signed in anywhere else.',

    'account.tokens.heading': 'Personal API tokens',
    'account.tokens.intro':
      'For scripts and other systems that use the portal API (/api/v1) with the header "Authorization: Bearer <token>". A token acts as you: keep it secret and revoke it when it is no longer needed.',
    'account.tokens.caption': 'Your API tokens',
    'account.tokens.name': 'Token name',
    'account.tokens.nameHint': 'What it is for, e.g. "Monthly report script".',
    'account.tokens.expiry': 'Expires',
    'account.tokens.scope': 'May',
    'account.tokens.scopeHint':
      'A token only works on the API (/api/v1), never on the pages, and ends when you change your password.',
    'account.tokens.scope.read': 'Read only',
    'account.tokens.scope.write': 'Read and make changes',
    'account.tokens.createdFacts': '{scope}; works until {date}.',
    'account.tokens.expiry30': 'In 30 days',
    'account.tokens.expiry90': 'In 90 days (recommended)',
    'account.tokens.expiry365': 'In one year',
    'account.tokens.create': 'Create token',
    'account.tokens.createdTitle': 'Your new token "{name}"',
    'account.tokens.createdBody': 'Copy it now and keep it somewhere safe: it will not be shown again.',
    'account.tokens.created': 'Created',
    'account.tokens.lastUsed': 'Last used',
    'account.tokens.status.active': 'Active',
    'account.tokens.status.expired': 'Expired',
    'account.tokens.status.revoked': 'Revoked',
    'account.tokens.revoke': 'Revoke',
    'account.tokens.revokeLabel': 'Revoke the token "{name}"',
    'account.tokens.none': 'You have no API tokens.',

    'account.totp.heading': 'Second factor',
    'account.totp.on': 'On: signing in asks for a code from your authenticator app.',
    'account.totp.off': 'Off: signing in asks only for your password.',
    'account.totp.required': 'Required for Executive Secretariat accounts: it cannot be turned off.',
    'account.totp.exempt':
      'This demo account is exempt from the second factor so that the demo can be tried without an authenticator app. Real Executive Secretariat accounts must use one.',
    'account.totp.setUp': 'Set up a second factor',
    'account.totp.setupHeading': 'Set up your authenticator app',
    'account.totp.setupIntro':
      'Scan the QR code with an authenticator app (for example Aegis, FreeOTP, Google Authenticator or Microsoft Authenticator), then enter the 6-digit code it shows.',
    'account.totp.qrLabel': 'QR code to add the portal to your authenticator app',
    'account.totp.secretLabel': 'If you cannot scan it, type this key into the app:',
    'account.totp.code': 'Code from the app',
    'account.totp.codeHint': '6 digits',
    'account.totp.codeFormat': 'Enter the 6 digits shown by your app.',
    'account.totp.wrongCode':
      'This code is not correct. Check the time on your phone and enter the newest code.',
    'account.totp.throttled': 'Too many wrong codes. Please wait a few minutes and try again.',
    'account.totp.turnOn': 'Turn on',
    'account.totp.turnOff': 'Turn off',
    'account.totp.disableIntro': 'To turn it off, enter a current code from your app.',
    'account.totp.alreadyOn': 'The second factor is already on.',

    'account.done.profile': 'Your profile was saved.',
    'account.done.language': 'Your preferred language was saved.',
    'account.done.password': 'Your password was changed. Your other sessions were ended.',
    'account.done.endSession': 'The session was ended.',
    'account.done.endOthers': {
      zero: 'There were no other sessions.',
      one: 'One other session was ended.',
      other: '{count} other sessions were ended.',
    },
    'account.done.totpOn': 'The second factor is on.',
    'account.done.totpOff': 'The second factor is off.',

    'account.2fa.title': 'Second factor',
    'account.2fa.intro': 'Enter the 6-digit code from your authenticator app to finish signing in.',
    'account.2fa.enrolTitle': 'Set up your second factor',
    'account.2fa.enrolIntro':
      'Executive Secretariat accounts must use an authenticator app. Set it up now to finish signing in.',
    'account.2fa.submit': 'Continue',
    'account.2fa.cancel': 'Cancel and sign out',

    'account.invite.pageTitle': 'Invitation',
    'account.invite.title': 'Welcome to the RCM Portal',
    'account.invite.intro':
      '{name}, you have been invited to the portal of the Regional Conference on Migration on behalf of {organization}. Choose a password to activate your account.',
    'account.invite.submit': 'Set my password and sign in',
    'account.invite.usedTitle': 'This invitation has already been used',
    'account.invite.usedBody':
      'Your account is already active. Sign in with your e-mail address and password; if you forgot the password, ask for a new one.',
    'account.invite.expiredTitle': 'This invitation has expired',
    'account.invite.expiredBody':
      'Invitation links work for 7 days. Ask the person who invited you, or the Executive Secretariat, to send a new one.',
    'account.link.unknownTitle': 'This link is not valid',
    'account.link.unknownBody':
      'Check that you opened the whole link from the e-mail. Each link works only once.',
    'account.link.signIn': 'Go to sign in',
    'account.link.newReset': 'Ask for a new link',

    'account.reset.title': 'Reset your password',
    'account.reset.intro':
      'Enter the e-mail address of your account. If it belongs to an account, we will send it a link to choose a new password.',
    'account.reset.submit': 'Send the link',
    'account.reset.sent':
      'If an account uses this address, a message with a link is on its way. The link works for one hour. Check your spam folder too.',
    'account.reset.throttled': 'Too many requests. Please wait and try again later.',
    'account.reset.newTitle': 'Choose a new password',
    'account.reset.save': 'Save the new password',
    'account.reset.done':
      'Your password was changed and you were signed out everywhere. Sign in with the new password.',
    'account.reset.usedTitle': 'This link has already been used',
    'account.reset.usedBody': 'Each reset link works once. Ask for a new one if you still need it.',
    'account.reset.expiredTitle': 'This link has expired',
    'account.reset.expiredBody': 'Reset links work for one hour. Ask for a new one.',
    'account.reset.back': 'Back to sign in',

    'account.resetMail.subject': 'Reset your RCM Portal password',
    'account.resetMail.body':
      'Hello {name},\n\nSomeone, hopefully you, asked to reset the password of your account on the portal of the Regional Conference on Migration. To choose a new password, open this link within one hour:\n\n{link}\n\nIf you did not ask for this, ignore this message: your password stays as it is.\n\nRCM Portal',
  },
  es: {
    'account.title': 'Mi cuenta',
    'account.nav.label': 'Secciones de mi cuenta',
    'account.nav.profile': 'Perfil e idioma',
    'account.nav.password': 'Contraseña',
    'account.nav.sessions': 'Sesiones',
    'account.nav.tokens': 'Tokens de API',
    'account.nav.secondFactor': 'Segundo factor',
    'account.viaSession':
      'Su cuenta solo se puede modificar desde un navegador con sesión iniciada, no con un token de API.',
    'account.unknown': 'Desconocido',
    'account.never': 'Nunca',

    'account.profile.heading': 'Perfil',
    'account.profile.name': 'Nombre',
    'account.profile.title': 'Cargo',
    'account.profile.phone': 'Teléfono',
    'account.profile.phoneHint': 'Con el código de país, p. ej. +507 500 0000.',
    'account.profile.phoneFormat': 'Use solo dígitos, espacios y + ( ) . -, p. ej. +507 500 0000.',
    'account.profile.email': 'Correo electrónico (su nombre de usuario)',
    'account.profile.emailHint': 'Para cambiar su correo electrónico, pídalo a la Secretaría Ejecutiva.',
    'account.profile.save': 'Guardar perfil',

    'account.language.heading': 'Idioma',
    'account.language.label': 'Idioma preferido',
    'account.language.hint': 'Se usa en el portal y en los correos que le envía.',
    'account.language.save': 'Guardar idioma',

    'account.password.heading': 'Contraseña',
    'account.password.current': 'Contraseña actual',
    'account.password.new': 'Nueva contraseña',
    'account.password.confirm': 'Repita la nueva contraseña',
    'account.password.hint':
      'Entre 8 y 128 caracteres. Una frase larga es fácil de recordar y difícil de adivinar.',
    'account.password.note':
      'Al cambiar la contraseña se cierran sus sesiones en todos los demás navegadores y dispositivos.',
    'account.password.save': 'Cambiar contraseña',
    'account.password.mismatch': 'Las dos contraseñas no coinciden.',
    'account.password.wrongCurrent': 'La contraseña actual no es correcta.',
    'account.password.throttled':
      'Demasiadas contraseñas incorrectas. Espere unos minutos e inténtelo de nuevo.',

    'account.sessions.heading': 'Dónde tiene la sesión iniciada',
    'account.sessions.intro': 'Cierre cualquier sesión que no reconozca y luego cambie su contraseña.',
    'account.sessions.caption': 'Sus sesiones',
    'account.sessions.started': 'Inicio',
    'account.sessions.lastSeen': 'Última actividad',
    'account.sessions.ip': 'Dirección IP',
    'account.sessions.browser': 'Navegador',
    'account.sessions.current': 'Esta sesión',
    'account.sessions.end': 'Cerrar',
    'account.sessions.endLabel': 'Cerrar la sesión iniciada el {date}',
    'account.sessions.endOthers': 'Cerrar todas las demás sesiones',
    'account.sessions.noOthers': 'No tiene la sesión iniciada en ningún otro lugar.',

    'account.tokens.heading': 'Tokens personales de API',
    'account.tokens.intro':
      'Para scripts y otros sistemas que usan la API del portal (/api/v1) con el encabezado "Authorization: Bearer <token>". Un token actúa en su nombre: manténgalo en secreto y revóquelo cuando ya no lo necesite.',
    'account.tokens.caption': 'Sus tokens de API',
    'account.tokens.name': 'Nombre del token',
    'account.tokens.nameHint': 'Para qué sirve, p. ej. "Script del informe mensual".',
    'account.tokens.expiry': 'Vence',
    'account.tokens.scope': 'Puede',
    'account.tokens.scopeHint':
      'Un token solo funciona en la API (/api/v1), nunca en las páginas, y termina cuando usted cambia su contraseña.',
    'account.tokens.scope.read': 'Solo leer',
    'account.tokens.scope.write': 'Leer y hacer cambios',
    'account.tokens.createdFacts': '{scope}; funciona hasta el {date}.',
    'account.tokens.expiry30': 'En 30 días',
    'account.tokens.expiry90': 'En 90 días (recomendado)',
    'account.tokens.expiry365': 'En un año',
    'account.tokens.create': 'Crear token',
    'account.tokens.createdTitle': 'Su nuevo token "{name}"',
    'account.tokens.createdBody': 'Cópielo ahora y guárdelo en un lugar seguro: no se volverá a mostrar.',
    'account.tokens.created': 'Creado',
    'account.tokens.lastUsed': 'Último uso',
    'account.tokens.status.active': 'Activo',
    'account.tokens.status.expired': 'Vencido',
    'account.tokens.status.revoked': 'Revocado',
    'account.tokens.revoke': 'Revocar',
    'account.tokens.revokeLabel': 'Revocar el token "{name}"',
    'account.tokens.none': 'No tiene tokens de API.',

    'account.totp.heading': 'Segundo factor',
    'account.totp.on': 'Activado: al iniciar sesión se pide un código de su aplicación de autenticación.',
    'account.totp.off': 'Desactivado: al iniciar sesión solo se pide la contraseña.',
    'account.totp.required':
      'Obligatorio para las cuentas de la Secretaría Ejecutiva: no se puede desactivar.',
    'account.totp.exempt':
      'Esta cuenta de demostración está exenta del segundo factor para que la demostración pueda probarse sin una aplicación de autenticación. Las cuentas reales de la Secretaría Ejecutiva deben usarlo.',
    'account.totp.setUp': 'Configurar un segundo factor',
    'account.totp.setupHeading': 'Configure su aplicación de autenticación',
    'account.totp.setupIntro':
      'Escanee el código QR con una aplicación de autenticación (por ejemplo Aegis, FreeOTP, Google Authenticator o Microsoft Authenticator) y escriba el código de 6 dígitos que muestra.',
    'account.totp.qrLabel': 'Código QR para añadir el portal a su aplicación de autenticación',
    'account.totp.secretLabel': 'Si no puede escanearlo, escriba esta clave en la aplicación:',
    'account.totp.code': 'Código de la aplicación',
    'account.totp.codeHint': '6 dígitos',
    'account.totp.codeFormat': 'Escriba los 6 dígitos que muestra su aplicación.',
    'account.totp.wrongCode':
      'El código no es correcto. Compruebe la hora de su teléfono y escriba el código más reciente.',
    'account.totp.throttled': 'Demasiados códigos incorrectos. Espere unos minutos e inténtelo de nuevo.',
    'account.totp.turnOn': 'Activar',
    'account.totp.turnOff': 'Desactivar',
    'account.totp.disableIntro': 'Para desactivarlo, escriba un código actual de su aplicación.',
    'account.totp.alreadyOn': 'El segundo factor ya está activado.',

    'account.done.profile': 'Su perfil se guardó.',
    'account.done.language': 'Su idioma preferido se guardó.',
    'account.done.password': 'Su contraseña se cambió. Sus demás sesiones se cerraron.',
    'account.done.endSession': 'La sesión se cerró.',
    'account.done.endOthers': {
      zero: 'No había otras sesiones.',
      one: 'Se cerró otra sesión.',
      other: 'Se cerraron otras {count} sesiones.',
    },
    'account.done.totpOn': 'El segundo factor está activado.',
    'account.done.totpOff': 'El segundo factor está desactivado.',

    'account.2fa.title': 'Segundo factor',
    'account.2fa.intro':
      'Escriba el código de 6 dígitos de su aplicación de autenticación para terminar de iniciar sesión.',
    'account.2fa.enrolTitle': 'Configure su segundo factor',
    'account.2fa.enrolIntro':
      'Las cuentas de la Secretaría Ejecutiva deben usar una aplicación de autenticación. Configúrela ahora para terminar de iniciar sesión.',
    'account.2fa.submit': 'Continuar',
    'account.2fa.cancel': 'Cancelar y cerrar sesión',

    'account.invite.pageTitle': 'Invitación',
    'account.invite.title': 'Bienvenido/a al Portal CRM',
    'account.invite.intro':
      '{name}, ha recibido una invitación al portal de la Conferencia Regional sobre Migración en nombre de {organization}. Elija una contraseña para activar su cuenta.',
    'account.invite.submit': 'Guardar mi contraseña y entrar',
    'account.invite.usedTitle': 'Esta invitación ya se usó',
    'account.invite.usedBody':
      'Su cuenta ya está activa. Inicie sesión con su correo electrónico y su contraseña; si la olvidó, pida una nueva.',
    'account.invite.expiredTitle': 'Esta invitación venció',
    'account.invite.expiredBody':
      'Los enlaces de invitación funcionan durante 7 días. Pida a quien le invitó, o a la Secretaría Ejecutiva, que le envíe uno nuevo.',
    'account.link.unknownTitle': 'Este enlace no es válido',
    'account.link.unknownBody':
      'Compruebe que abrió el enlace completo del correo. Cada enlace funciona una sola vez.',
    'account.link.signIn': 'Ir a iniciar sesión',
    'account.link.newReset': 'Pedir un nuevo enlace',

    'account.reset.title': 'Restablecer la contraseña',
    'account.reset.intro':
      'Escriba el correo electrónico de su cuenta. Si pertenece a una cuenta, le enviaremos un enlace para elegir una nueva contraseña.',
    'account.reset.submit': 'Enviar el enlace',
    'account.reset.sent':
      'Si alguna cuenta usa esta dirección, recibirá un mensaje con un enlace. El enlace funciona durante una hora. Revise también la carpeta de correo no deseado.',
    'account.reset.throttled': 'Demasiadas solicitudes. Espere e inténtelo de nuevo más tarde.',
    'account.reset.newTitle': 'Elija una nueva contraseña',
    'account.reset.save': 'Guardar la nueva contraseña',
    'account.reset.done':
      'Su contraseña se cambió y se cerraron todas sus sesiones. Inicie sesión con la nueva contraseña.',
    'account.reset.usedTitle': 'Este enlace ya se usó',
    'account.reset.usedBody':
      'Cada enlace de restablecimiento funciona una sola vez. Pida uno nuevo si todavía lo necesita.',
    'account.reset.expiredTitle': 'Este enlace venció',
    'account.reset.expiredBody':
      'Los enlaces de restablecimiento funcionan durante una hora. Pida uno nuevo.',
    'account.reset.back': 'Volver a iniciar sesión',

    'account.resetMail.subject': 'Restablecer su contraseña del Portal CRM',
    'account.resetMail.body':
      'Hola, {name}:\n\nAlguien, esperamos que usted, pidió restablecer la contraseña de su cuenta en el portal de la Conferencia Regional sobre Migración. Para elegir una nueva contraseña, abra este enlace antes de una hora:\n\n{link}\n\nSi no lo pidió, ignore este mensaje: su contraseña no cambia.\n\nPortal CRM',
  },
})
