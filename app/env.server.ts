import path from 'node:path'
import { z } from 'zod'

const onOff = z.enum(['on', 'off'])
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback)

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // processes serving requests (server.mjs's cluster); unset: one per available core
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_PATH: z.string().min(1).optional(),
  APP_ORIGIN: z
    // http(s) only: other schemes (javascript:, file:) have the origin "null", which the CSRF check
    // would then accept from sandboxed frames.
    .url({ protocol: /^https?$/, message: 'must be an origin such as https://portal.example.org' })
    .transform((u) => new URL(u).origin)
    .optional(),
  DEMO_DATA: onOff.default('on'),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  // shown in every page's footer and on the help, privacy and accessibility pages
  CONTACT_EMAIL: z.string().email().default('secretariat@rcm.example'),
  MAIL_FROM: z.string().default('RCM Portal <no-reply@rcm.example>'),
  MAX_UPLOAD_MB: positiveInt(100),
  UPLOAD_FILES_PER_HOUR: positiveInt(60),
  UPLOAD_MB_PER_DAY: positiveInt(2048),
  SESSION_IDLE_MINUTES: positiveInt(30),
  SESSION_MAX_HOURS: positiveInt(12),
  // Text extraction of uploads, in child processes (app/modules/documents/extraction-pool.server.ts)
  EXTRACT_WORKERS: positiveInt(1),
  EXTRACT_TIMEOUT_SECONDS: positiveInt(60),
  EXTRACT_MAX_MEMORY_MB: positiveInt(512),
  EXTRACT_MAX_FILE_MB: positiveInt(25),
  EXTRACT_MAX_INFLATED_MB: positiveInt(200),
  EXTRACT_MAX_TEXT_CHARS: positiveInt(1_000_000),
  // files waiting for a free extraction worker at most; beyond, an upload is refused (503) unread
  EXTRACT_MAX_QUEUE: positiveInt(20),
  // Building and parsing files (DOCX, XLSX, PDF, imports), in child processes (core/child-jobs.server.ts)
  JOB_WORKERS: positiveInt(1),
  JOB_TIMEOUT_SECONDS: positiveInt(60),
  JOB_MAX_MEMORY_MB: positiveInt(512),
  JOB_MAX_QUEUE: positiveInt(20),
  // Slow reads in worker threads with read-only connections (core/read-pool.server.ts); 0: in-process
  READ_WORKERS: z.coerce.number().int().min(0).max(16).optional(),
  READ_MAX_QUEUE: positiveInt(64),
  READ_TIMEOUT_MS: positiveInt(10_000),
  // Delegates' logistics (travel dates, needs) are deleted this many days after their meeting ends
  LOGISTICS_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  // How often the server sends what waits in the mail queue (also right after a notification's dispatch)
  MAIL_DELIVERY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  // How often the server closes written procedures whose deadline passed and sends their reminders
  PROCEDURE_CHECK_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
})

export type Env = z.infer<typeof EnvSchema> & { dataDir: string; databasePath: string }

let cached: Env | null = null

/** Parses the environment once. Invalid values stop start-up with a message naming the variable. */
export function getEnv(): Env {
  if (cached) return cached
  const raw = Object.fromEntries(
    Object.entries(process.env).filter(([, v]) => v !== undefined && v !== ''),
  ) as Record<string, string>
  const parsed = EnvSchema.safeParse(raw)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid environment:\n${lines.join('\n')}`)
  }
  const dataDir = path.resolve(parsed.data.DATA_DIR)
  cached = {
    ...parsed.data,
    dataDir,
    databasePath: path.resolve(parsed.data.DATABASE_PATH ?? path.join(dataDir, 'portal.db')),
  }
  return cached
}

/** Tests change process.env between cases. */
export function resetEnvCache() {
  cached = null
}

/** The public origin, or null when unset (then the request's own origin is used for checks only). */
export function appOrigin(): string | null {
  return getEnv().APP_ORIGIN ?? null
}

/**
 * The origin that links and calendar UIDs are written with: APP_ORIGIN, else this server on localhost.
 * Never the Host header: a cached or e-mailed answer must not carry whatever host a caller sent.
 */
export function publicOrigin(): string {
  const env = getEnv()
  return env.APP_ORIGIN ?? `http://localhost:${env.PORT}`
}
