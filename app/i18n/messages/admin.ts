import { defineMessages } from '../core'

export const admin = defineMessages({
  en: {},
  es: {},
})
