import { defineMessages } from '../core'

export const members = defineMessages({
  en: {},
  es: {},
})
