// Search across the document library.
import { defineMessages } from '../core'

export const search = defineMessages({
  en: {
    'search.title': 'Search',
    'search.label': 'Search the documents',
    'search.hint': 'Titles, references, tags and the text inside the files. Accents do not matter.',
    'search.submit': 'Search',
    'search.resultsFor': 'Results for “{q}”',
    'search.nothing': 'Nothing found for “{q}”. Try fewer or shorter words.',
    'search.moreResults': 'More results',
    'search.previousResults': 'Previous results',
    'search.signInForMore': 'Sign in to search the documents that are not public.',
  },
  es: {
    'search.title': 'Búsqueda',
    'search.label': 'Buscar en los documentos',
    'search.hint': 'Títulos, referencias, etiquetas y el texto de los archivos. Los acentos no importan.',
    'search.submit': 'Buscar',
    'search.resultsFor': 'Resultados para «{q}»',
    'search.nothing': 'No se encontró nada para «{q}». Pruebe con menos palabras o más cortas.',
    'search.moreResults': 'Más resultados',
    'search.previousResults': 'Resultados anteriores',
    'search.signInForMore': 'Inicie sesión para buscar también los documentos que no son públicos.',
  },
})
