import { count, lt } from 'drizzle-orm'
import { closeDatabase, databaseFile, db, rawSqlite } from '@db/client'
import { organizations, sessions } from '@db/schema'
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '@db/seed/demo'
import { getEnv } from '~/env.server'
import { pruneRateLimits } from '~/modules/auth/rate-limit.server'
import { stopChildJobs } from '~/modules/core/child-jobs.server'
import { stopExtractionWorkers } from '~/modules/documents/extraction-pool.server'
import { sweepDocumentStorage } from '~/modules/documents/housekeeping.server'
import { deliverPendingMail, releaseStaleClaims } from '~/modules/mail/mail.server'
import { purgeExpiredLogistics } from '~/modules/meetings/logistics.server'
import { runProcedureChecks } from '~/modules/procedures/closing.server'
import { sendDigests } from '~/modules/notifications/digest.server'
import { dispatchNotifications } from '~/modules/notifications/dispatch.server'
import { onNotify } from '~/modules/notifications/notify.server'
import { runTimedNotifications } from '~/modules/notifications/timed.server'

let timers: NodeJS.Timeout[] = []

export interface StartupOptions {
  /**
   * false in the processes of a cluster that only serve requests (server.mjs): the environment is
   * checked and the database opened (its migrations were applied by the primary before it forked), but
   * no demo data, no sweeps, no mail sending: those run in the primary alone. `notify` is then called
   * after a write that records a notification (the primary dispatches it).
   */
  jobs?: boolean
  notify?: () => void
  /**
   * 'now' (the default): the jobs' first run (the sweep, the procedures' and the notifications' checks,
   * a few hundred milliseconds on a large database) happens inside startup(); 'later': only when the
   * caller calls `runJobs()` (server.mjs: once every process listens, so that start-up is not slowed).
   */
  firstRun?: 'now' | 'later'
}

export interface Started {
  banner: string
  /** the jobs' first run, when `firstRun: 'later'` (once; does nothing otherwise) */
  runJobs: () => void
}

/** Runs once before the server listens: checks the environment (throws with the variable's name),
 * migrates the database, seeds the demo data into a new database, starts the sweeps. */
export async function startup(options: StartupOptions = {}): Promise<Started> {
  const env = getEnv()
  const file = databaseFile() // opening applies the migrations
  if (options.jobs === false) {
    onNotify(options.notify ?? null)
    return { banner: `Database: ${file}`, runJobs: () => {} }
  }
  const isEmpty = (db.select({ n: count() }).from(organizations).get()?.n ?? 0) === 0
  const lines = [`Database: ${file}`]
  if (isEmpty && env.DEMO_DATA === 'on') {
    await seedDemo()
    lines.push('Demo data loaded. Sign in with any of these (password: ' + DEMO_PASSWORD + '):')
    for (const a of DEMO_ACCOUNTS) lines.push(`  ${a.email.padEnd(28)} ${a.label}`)
  } else if (isEmpty) {
    lines.push(
      'Empty database (DEMO_DATA=off). Create the first account: npm run admin:create -- --email E --name N',
    )
  }
  // a claim left by a process that died between an SMTP call and its mark is sent again (same Message-ID)
  releaseStaleClaims()
  timers.forEach(clearInterval)
  // notifications: dispatched shortly after the write that records them (and every 15 s as a backstop),
  // mails delivered right after, never inside the request
  onNotify(scheduleDispatch)
  timers = [
    setInterval(sweep, 10 * 60 * 1000),
    setInterval(runNotifications, 15 * 1000),
    setInterval(
      () => void deliverPendingMail().catch((e) => console.error('mail delivery', e)),
      env.MAIL_DELIVERY_SECONDS * 1000,
    ),
    setInterval(checkProcedures, env.PROCEDURE_CHECK_SECONDS * 1000),
    setInterval(checkTimedNotifications, env.PROCEDURE_CHECK_SECONDS * 1000),
  ]
  timers.forEach((t) => t.unref())
  let ran = false
  const runJobs = () => {
    if (ran) return
    ran = true
    sweep()
    checkProcedures()
    checkTimedNotifications()
  }
  if (options.firstRun !== 'later') runJobs()
  return { banner: lines.join('\n'), runJobs }
}

let dispatchPending: NodeJS.Timeout | null = null
/** Dispatches the notifications recorded lately, soon (at most one run per 250 ms): the primary of a
 * cluster calls it when a serving process says it recorded one. */
export function scheduleDispatch() {
  if (dispatchPending) return
  dispatchPending = setTimeout(() => {
    dispatchPending = null
    runNotifications()
  }, 250)
  dispatchPending.unref()
}

function runNotifications() {
  try {
    if (dispatchNotifications() > 0) {
      void deliverPendingMail().catch((e) => console.error('mail delivery', e))
    }
  } catch (e) {
    console.error('notification dispatch failed', e)
  }
}

/** Housekeeping: old rate-limit rows and expired sessions. */
export function sweep(now = Date.now()) {
  try {
    pruneRateLimits(now)
    void sweepDocumentStorage()
    db.delete(sessions)
      .where(lt(sessions.expiresAt, new Date(now)))
      .run()
    purgeExpiredLogistics(new Date(now))
    sendDigests(new Date(now))
    rawSqlite().pragma('optimize')
  } catch (e) {
    console.error('sweep failed', e)
  }
}

/** Written procedures: closes those whose deadline passed, sends due reminders (state in the rows). */
export function checkProcedures(now = new Date()) {
  try {
    return runProcedureChecks(now)
  } catch (e) {
    console.error('written procedures check failed', e)
    return null
  }
}

/** The notifications' scheduled check (deadlines near, embargoes lifted, actions due): state in rows. */
export function checkTimedNotifications(now = new Date()) {
  try {
    return runTimedNotifications(now)
  } catch (e) {
    console.error('scheduled notifications check failed', e)
    return null
  }
}

export function shutdown() {
  timers.forEach(clearInterval)
  onNotify(null)
  void stopExtractionWorkers()
  void stopChildJobs()
  closeDatabase()
}
