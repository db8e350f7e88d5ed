// The groups' fixed lists, without zod or server imports (client-safe; db/schema.ts builds on them).

export const GROUP_KINDS = ['working_group', 'network', 'ad_hoc', 'coalition', 'drafting_group'] as const
export type GroupKind = (typeof GROUP_KINDS)[number]

/** chair: runs the group (members, stages, decides suggestions); drafter: writes the texts; commenter:
 * comments and suggests wording; reader: reads. Before plans existed the roles were chair, member and
 * drafter: members became commenters (drizzle/0016_plans.sql), keeping what they could do and gaining no edit. */
export const GROUP_ROLES = ['chair', 'drafter', 'commenter', 'reader'] as const
export type GroupRole = (typeof GROUP_ROLES)[number]
