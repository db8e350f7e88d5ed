import { defineMessages } from '../core'

export const account = defineMessages({
  en: {},
  es: {},
})
