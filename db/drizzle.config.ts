import { defineConfig } from 'drizzle-kit'

export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema.ts',
  out: './drizzle',
  // FTS5 virtual tables and their triggers live in custom migrations; keep drizzle-kit off them.
  tablesFilter: ['!*_fts*'],
  dbCredentials: { url: process.env.DATABASE_PATH ?? './data/portal.db' },
})
