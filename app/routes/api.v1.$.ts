import { notFound } from '~/modules/api/http.server'

// Unknown API paths answer in the API's error format (not the HTML 404 page), whatever the method.
export const loader = () => notFound()
export const action = () => notFound()
