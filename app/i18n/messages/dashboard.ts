import { defineMessages } from '../core'

export const dashboard = defineMessages({
  en: {},
  es: {},
})
