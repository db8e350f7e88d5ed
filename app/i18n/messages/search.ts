// The search page (/search); the types of results are in search-types.ts.
import { defineMessages } from '../core'

export const search = defineMessages({
  en: {
    'search.title': 'Search',
    'search.submit': 'Search',
    'search.resultsFor': 'Results for “{q}”',
    'search.nothing': 'Nothing found for “{q}”. Try fewer or shorter words.',
    'search.moreResults': 'More results',
    'search.previousResults': 'Previous results',
  },
  es: {
    'search.title': 'Búsqueda',
    'search.submit': 'Buscar',
    'search.resultsFor': 'Resultados para «{q}»',
    'search.nothing': 'No se encontró nada para «{q}». Pruebe con menos palabras o más cortas.',
    'search.moreResults': 'Más resultados',
    'search.previousResults': 'Resultados anteriores',
  },
})
