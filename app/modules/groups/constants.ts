// The groups' fixed lists, without zod or server imports (client-safe; db/schema.ts builds on them).

export const GROUP_KINDS = ['working_group', 'network', 'ad_hoc', 'coalition', 'drafting_group'] as const
export type GroupKind = (typeof GROUP_KINDS)[number]

export const GROUP_ROLES = ['chair', 'member', 'drafter'] as const
export type GroupRole = (typeof GROUP_ROLES)[number]
