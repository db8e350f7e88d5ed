import { databaseFile, closeDatabase } from './client'

// Opening the database applies every pending migration.
console.log(`Database migrated: ${databaseFile()}`)
closeDatabase()
