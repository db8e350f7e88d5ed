import { defineMessages } from '../core'

export const auth = defineMessages({
  en: {
    'auth.title': 'Sign in',
    'auth.password': 'Password',
    'auth.submit': 'Sign in',
    'auth.forgot': 'Forgot your password?',
    'auth.invalid': 'The e-mail or the password is not correct.',
    'auth.throttled': 'Too many failed attempts. Please wait a few minutes and try again.',
    'auth.expired': 'Your session has ended. Please sign in again.',
    'validation.required': 'This field is required.',
    'validation.email': 'Enter a valid e-mail address, such as name@example.org.',
    'validation.tooLong': 'This is too long.',
    'validation.passwordTooShort': 'The password must have at least 8 characters.',
    'validation.passwordTooLong': 'The password can have at most 128 characters.',
    'validation.invalid': 'This value is not valid.',
  },
  es: {
    'auth.title': 'Iniciar sesión',
    'auth.password': 'Contraseña',
    'auth.submit': 'Entrar',
    'auth.forgot': '¿Olvidó su contraseña?',
    'auth.invalid': 'El correo electrónico o la contraseña no son correctos.',
    'auth.throttled': 'Demasiados intentos fallidos. Espere unos minutos e inténtelo de nuevo.',
    'auth.expired': 'Su sesión terminó. Inicie sesión de nuevo.',
    'validation.required': 'Este campo es obligatorio.',
    'validation.email': 'Escriba un correo electrónico válido, como nombre@ejemplo.org.',
    'validation.tooLong': 'El texto es demasiado largo.',
    'validation.passwordTooShort': 'La contraseña debe tener al menos 8 caracteres.',
    'validation.passwordTooLong': 'La contraseña puede tener como máximo 128 caracteres.',
    'validation.invalid': 'Este valor no es válido.',
  },
})
