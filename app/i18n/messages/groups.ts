import { defineMessages } from '../core'

export const groups = defineMessages({
  en: {},
  es: {},
})
