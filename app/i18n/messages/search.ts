import { defineMessages } from '../core'

export const search = defineMessages({
  en: {},
  es: {},
})
