import { defineMessages } from '../core'

export const meetings = defineMessages({
  en: {},
  es: {},
})
