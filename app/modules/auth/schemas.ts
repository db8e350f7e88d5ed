// Form and API schemas of the auth area. Client-safe: shared by the forms (conform) and the server.
// Error messages are message keys (app/i18n), translated where they are shown.
import { z } from 'zod'

export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 128

export const emailField = z
  .string({ message: 'validation.required' })
  .trim()
  .toLowerCase()
  .max(254, 'validation.tooLong')
  .pipe(z.email({ message: 'validation.email' }))

export const newPasswordField = z
  .string({ message: 'validation.required' })
  .min(PASSWORD_MIN, 'validation.passwordTooShort')
  .max(PASSWORD_MAX, 'validation.passwordTooLong')

export const LoginSchema = z
  .object({
    email: emailField,
    password: z.string({ message: 'validation.required' }).max(1000, 'validation.passwordTooLong'),
    redirectTo: z.string().max(2000).optional(),
  })
  .strict()

/** Only paths on this site: `/x`, never `//host`, `/\host` or an absolute URL. */
export function safeRedirect(to: string | null | undefined, fallback = '/'): string {
  if (!to || typeof to !== 'string') return fallback
  if (!to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback
  if (/[\r\n\t]/.test(to)) return fallback
  try {
    const u = new URL(to, 'http://local.invalid')
    if (u.origin !== 'http://local.invalid') return fallback
    const path = u.pathname + u.search + u.hash
    // Normalisation turns `/.//host` or `/a/..//host` into `//host`: check the result too.
    return path.startsWith('//') ? fallback : path
  } catch {
    return fallback
  }
}
