/**
 * The schemas of the meetings forms and queries as the routes' loaders and actions read them. A route
 * imports them from here, never from schemas.ts: a `.server` module is empty in the browser build, so a
 * schema used only on the server (and zod with it) stays out of the page's JavaScript. Only a component
 * whose form the browser validates too (conform's onValidate: the meeting form) imports its schema
 * directly.
 */
export {
  AgendaItemSchema,
  AgendaMoveSchema,
  AttendanceSchema,
  CirculateSchema,
  CorrigendumSchema,
  DecisionRegisterQuerySchema,
  DecisionSchema,
  DelegationSchema,
  ErratumSchema,
  idField,
  MeetingFormSchema,
  MeetingListQuerySchema,
  MinutesCommentSchema,
  MinutesSaveSchema,
  RsvpSchema,
  WithdrawDecisionSchema,
} from './schemas'
