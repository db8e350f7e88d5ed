// The schemas of the forms that also validate in the browser, for their routes' loaders and actions.
// Such a route imports them (and parseWithZod) from here, not from their own modules: a `.server`
// module is left out of the browser build, whereas a route module's static import of a zod schema puts
// zod into the page's first load even though only the action uses it (the bundler drops the code but
// keeps the chunk's import, for evaluation order). The browser imports the same schemas on demand
// (components/browser-validation.ts).
export { parseWithZod } from '@conform-to/zod/v4'
export { LoginSchema, safeRedirect } from '~/modules/auth/schemas'
export {
  ChangePasswordSchema,
  CreateTokenSchema,
  LanguageSchema,
  ProfileSchema,
  ResetRequestSchema,
  RevokeTokenSchema,
  SecondFactorSchema,
  SetPasswordSchema,
  TotpDisableSchema,
  TotpEnrolSchema,
} from '~/modules/auth/account-schemas'
export { InviteSchema } from '~/modules/members/invite-schema'
