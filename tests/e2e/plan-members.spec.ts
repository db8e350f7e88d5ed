import type { Browser, Page } from '@playwright/test'
import { createSessionCookie, expect, queryValue, test } from './fixtures'

// The chair manages the group's people and the plan's tree on plain HTML forms (JavaScript off): a
// person added sees the plan, one removed gets the 404 page on their very next request; a section is
// added, moved down, up and under another parent, and its number follows.

const CHAIR = 'pa.minseg@rcm.example'
const PERSON = 'mx.delegate@rcm.example'
const GROUP = '/groups/pa-smuggling-plan'

async function as(browser: Browser, email: string, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL })
  await context.addCookies([await createSessionCookie(email, baseURL)])
  return context.newPage()
}

const planId = () => queryValue("select id from plans where stage = 'institutional_consultation'")
const personName = () => queryValue<string>('select name from people where email = ?', PERSON)

test('the chair adds a person, changes their role and removes them; the removal holds at once', async ({
  browser,
  baseURL,
}) => {
  const plan = planId()
  const chair = await as(browser, CHAIR, baseURL!)
  const person = await as(browser, PERSON, baseURL!)
  expect((await person.goto(`/plans/${plan}?lang=en`))?.status()).toBe(404)

  await chair.goto(`${GROUP}?lang=en`)
  await chair.getByLabel('E-mail of a person with an account').fill(PERSON)
  await chair.getByLabel('Role', { exact: true }).selectOption('reader')
  await chair.getByRole('button', { name: 'Add to the group' }).click()
  const role = chair.getByLabel(`Role of ${personName()}`)
  await expect(role).toHaveValue('reader')
  expect(queryValue("select count(*) from audit_log where action = 'group.manageMembers'")).toBeGreaterThan(0)

  // a reader reads the plan and has no editor
  expect((await person.goto(`/plans/${plan}?lang=en`))?.status()).toBe(200)
  await expect(person.getByRole('link', { name: /^Edit the/ })).toHaveCount(0)

  await role.selectOption('commenter')
  await chair
    .getByRole('row', { name: new RegExp(personName()) })
    .getByRole('button', { name: 'Change the role' })
    .click()
  await expect(chair.getByLabel(`Role of ${personName()}`)).toHaveValue('commenter')
  expect(
    queryValue(
      `select m.role from group_memberships m join people p on p.id = m.person_id
       join groups g on g.id = m.group_id where p.email = ? and g.slug = 'pa-smuggling-plan'`,
      PERSON,
    ),
  ).toBe('commenter')

  // the person has the page open; the chair removes them; their next request is refused
  await person.goto(`/plans/${plan}?lang=en`)
  await chair.getByRole('button', { name: `Remove ${personName()} from the group` }).click()
  // removing asks first (components/confirm.tsx); JavaScript is off here: the server's panel asks, and
  // nothing has changed until its Confirm
  const ask = chair.getByRole('alertdialog', { name: `Remove ${personName()} from the group?` })
  await expect(ask).toBeVisible()
  expect((await person.reload())?.status()).toBe(200)
  await ask.getByRole('button', { name: 'Remove from the group', exact: true }).click()
  await expect(chair.getByRole('status')).toContainText(personName())
  await expect(chair.getByRole('status').getByRole('button', { name: 'Undo' })).toBeVisible()
  await expect(chair.getByLabel(`Role of ${personName()}`)).toHaveCount(0)
  expect((await person.reload())?.status()).toBe(404)
  expect((await person.goto(`/api/v1/plans/${plan}`))?.status()).toBe(404)
})

test('a drafter adds a section and moves it down, up and under another parent without JavaScript', async ({
  browser,
  baseURL,
}) => {
  const plan = planId()
  const chair = await as(browser, CHAIR, baseURL!)
  await chair.goto(`/plans/${plan}?lang=en`)
  const title = `Sección de prueba ${Date.now()}`
  await chair.getByLabel('Kind').selectOption('chapter')
  await chair.getByLabel('Title in Spanish').fill(title)
  await chair.getByRole('button', { name: 'Add the section' }).click()
  const id = queryValue<string>('select id from plan_sections where title_es = ?', title)
  const numberOf = async () =>
    ((await chair.locator(`#h-${id}`).textContent()) ?? '').trim().match(/^([\d.]+)\s/)?.[1] ?? ''
  await expect(chair.locator(`#s-${id}`)).toBeVisible()
  const last = Number(await numberOf())
  expect(last).toBeGreaterThan(1)

  const tools = async () => {
    const box = chair.locator(`#s-${id}`)
    // the tools of one section at a time: its link opens them, and they stay open after each move
    const link = box.getByRole('link', { name: 'Manage the section' })
    if (await link.count()) await link.click()
    return box
  }
  await (await tools()).getByRole('button', { name: 'Move up' }).click()
  await expect.poll(numberOf).toBe(String(last - 1))
  await (await tools()).getByRole('button', { name: 'Move down' }).click()
  await expect.poll(numberOf).toBe(String(last))

  // under chapter 1: it becomes 1.N, and its kind of place in the tree follows
  const box = await tools()
  const parent = box.getByLabel('Place under')
  const firstChapter = await parent.locator('option').nth(1).getAttribute('value')
  await parent.selectOption(firstChapter!)
  await box.getByRole('button', { name: 'Move', exact: true }).click()
  await expect.poll(numberOf).toMatch(/^1\.\d+$/)
  expect(queryValue('select parent_id from plan_sections where id = ?', id)).toBe(firstChapter)

  // retired again, so that the demo plan is as other tests expect it
  await (await tools()).getByRole('button', { name: 'Retire' }).click()
  await expect.poll(() => queryValue<number>('select retired from plan_sections where id = ?', id)).toBe(1)
})
