// Reading a form's reply (conform's SubmissionResult, from parseWithZod on the server or a
// DomainError turned into a reply) in forms rendered without their own useForm: the errors of a field
// ('' for the form's own) and what the person typed, kept after a refused submission.
import type { SubmissionResult } from '@conform-to/react'

export type Reply = SubmissionResult<string[]> | null | undefined

export function replyErrors(reply: Reply, name: string) {
  return reply?.error?.[name] ?? undefined
}

export function replyValue(reply: Reply, name: string): string | undefined {
  const v = reply?.initialValue?.[name]
  return typeof v === 'string' ? v : undefined
}

export function replyValues(reply: Reply, name: string): string[] | undefined {
  const v = reply?.initialValue?.[name]
  if (v === undefined || v === null) return undefined
  return Array.isArray(v)
    ? v.filter((x): x is string => typeof x === 'string')
    : typeof v === 'string'
      ? [v]
      : []
}
