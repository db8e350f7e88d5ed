// conform's zod parser for the route actions that validate only on the server. Importing it from a
// *.server module keeps zod out of those pages' browser bundle: the classic compiler replaces this
// module with an empty one there, while a page that validates in the browser (onValidate) imports
// '@conform-to/zod/v4' itself.
export { parseWithZod } from '@conform-to/zod/v4'
