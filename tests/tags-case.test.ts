// Tags keep their case as typed (issue 14): stored and shown as written, repeats found whatever their case.
import { describe, expect, it } from 'vitest'
import { parseTags } from '~/modules/actions/schemas'
import { tagsField } from '~/modules/documents/schemas'

describe('tags', () => {
  it('keep the case they were typed in, on documents and on actions', () => {
    expect(tagsField.parse('OIM, Darién ,  Plan  Nacional')).toEqual(['OIM', 'Darién', 'Plan Nacional'])
    expect(parseTags('OIM, Darién')).toEqual(['OIM', 'Darién'])
  })

  it('drop a repeat that differs only in case (the first spelling stays) and empty tags', () => {
    expect(tagsField.parse('OIM, oim, ,Oim')).toEqual(['OIM'])
    expect(parseTags('ACNUR,acnur,, ACNUR ')).toEqual(['ACNUR'])
  })

  it('still refuse a tag that is too long', () => {
    expect(tagsField.safeParse('x'.repeat(41)).success).toBe(false)
  })
})
