import { defineMessages } from '../core'

export const documents = defineMessages({
  en: {},
  es: {},
})
