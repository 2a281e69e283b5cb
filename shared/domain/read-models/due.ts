import { z } from 'zod';
import { actionBody } from '../entries/action';
import { ROLES } from '../staff';

/** What kind of thing is due: the read model names them, and the rules in ../due.ts make them. */
const DUE_KINDS = ['action', 'deletion', 'signature', 'review', 'device', 'backup', 'transfer'] as const;

/** One thing to be done, as the What-is-due page, the dashboard's next seven days and the sign-in reminder show it. */
const dueItem = z.object({
  /** Unique on the page: the kind, the entry (or incident) and, for signatures, the meaning. */
  key: z.string(),
  kind: z.enum(DUE_KINDS),
  what: z.string(),
  incidentId: z.number().int().nullable(),
  reference: z.string().nullable(),
  entryId: z.number().int().nullable(),
  /** A named member of staff, or anyone holding a role; neither means anyone may do it. */
  ownerStaffId: z.number().int().nullable(),
  ownerRole: z.enum(ROLES).nullable(),
  ownerWords: z.string(),
  /** The date it is due, or '' when it has none. */
  dueOn: z.string(),
  /** Due now, with no date of its own (a signature awaited, no backup ever made). */
  now: z.boolean(),
  overdue: z.boolean(),
  /** The app's path to the page where it is done. */
  link: z.string(),
  /** For an action: what marking it done amends (the latest version's time and body). */
  action: z.object({ occurredAt: z.string(), body: actionBody }).nullable(),
});
export type DueItem = z.output<typeof dueItem>;

export const whatIsDue = z.object({
  /** The school's today, so the screens count days as the core does. */
  today: z.string(),
  items: z.array(dueItem),
  /** Everyone who may own something, for the owner filter and role matching. */
  staff: z.array(z.object({ id: z.number().int(), name: z.string(), roles: z.array(z.enum(ROLES)), active: z.boolean() })),
});
export type WhatIsDue = z.output<typeof whatIsDue>;
