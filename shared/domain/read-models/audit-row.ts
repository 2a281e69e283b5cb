import { z } from 'zod';

/** One row of the audit log as the DSL reads it. */
export const auditRow = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorName: z.string().nullable(),
  /** One of AUDIT_ACTIONS, or an action a newer version of the app wrote. */
  action: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  /** What the row is about, as people read it ("YPSI-2026-004 · Initial review meeting, 23 Nov 2026", a name); null for nothing in particular. */
  subject: z.string().nullable(),
  /** The details for reading: ids named, codes in words, machine-only details left out. */
  facts: z.array(z.object({ label: z.string(), value: z.string() })),
  details: z.record(z.string(), z.unknown()),
});

export type AuditRowView = z.output<typeof auditRow>;
