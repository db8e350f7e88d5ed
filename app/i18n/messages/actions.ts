import { defineMessages } from '../core'

export const actions = defineMessages({
  en: {},
  es: {},
})
