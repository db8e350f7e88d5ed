/**
 * The account forms' schemas as the routes' actions read them when the browser does not validate the
 * form itself. A `.server` module is empty in the browser build, so zod stays out of those pages'
 * JavaScript (the sessions page, the /account layout); a page whose form the browser validates too
 * (conform's onValidate) imports its schema from account-schemas.ts directly.
 */
export { EndOtherSessionsSchema, EndSessionSchema, isAccountIntent } from './account-schemas'
