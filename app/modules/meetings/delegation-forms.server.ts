/**
 * The delegation member forms' schemas as the routes read them (see forms.server.ts for why a route
 * imports schemas from a `.server` module: zod stays out of the page's JavaScript).
 */
export { GuestMemberSchema, LetterQuerySchema, LogisticsSchema, NewMemberSchema } from './delegation-schemas'
