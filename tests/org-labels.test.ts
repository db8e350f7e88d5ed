// Acronyms in the interface's language first (issue 14): OIM / IOM in Spanish, IOM / OIM in English.
import { describe, expect, it } from 'vitest'
import { localAcronym, ownAcronym, shortOrgName } from '~/modules/members/org-labels'

describe('organization acronyms', () => {
  it('puts the interface language’s acronym first', () => {
    expect(localAcronym('IOM / OIM', 'es')).toBe('OIM / IOM')
    expect(localAcronym('IOM / OIM', 'en')).toBe('IOM / OIM')
    expect(localAcronym('SICA', 'es')).toBe('SICA')
    expect(localAcronym('ECLAC/CELADE', 'es')).toBe('ECLAC/CELADE')
    expect(localAcronym(null, 'es')).toBeNull()
  })

  it('names an organization briefly by its own-language acronym, else by name', () => {
    expect(ownAcronym('ES-RCM / SE-CRM', 'es')).toBe('SE-CRM')
    expect(shortOrgName({ acronym: 'UNHCR / ACNUR', nameEs: 'ACNUR', nameEn: 'UNHCR' }, 'es')).toBe('ACNUR')
    expect(shortOrgName({ acronym: null, nameEs: 'Panamá', nameEn: 'Panama' }, 'en')).toBe('Panama')
  })
})
