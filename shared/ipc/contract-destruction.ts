import { z } from 'zod';
import { confirmingPassword } from '../domain/staff';
import { DESTRUCTION_KINDS, destructionCertificateView } from '../domain/destruction';
import type { Spec } from './spec';

/** Destroying a record and its certificates are the DSL's alone (issue 20 item 5). */
const dsl = { roles: ['dsl'] } as const;

const target = { kind: z.enum(DESTRUCTION_KINDS), id: z.number().int().positive() };

const destructionPreview = z.object({
  kind: z.enum(DESTRUCTION_KINDS),
  id: z.number().int(),
  /** The incident's reference, or "Pupil <id>", as the certificate will name it. */
  reference: z.string(),
  /** What the DSL types to confirm: the incident's reference, or the pupil's name. */
  confirmAs: z.string(),
  cameToAttentionOn: z.string().nullable(),
  recordedAt: z.string(),
  closedOn: z.string().nullable(),
  rows: z.record(z.string(), z.number().int().min(0)),
  /** Why it cannot be destroyed now (a legal hold, a pupil still on an incident), or null. */
  refusal: z.string().nullable(),
  backupsWarning: z.string(),
});

export const destructionChannels = {
  /** What destroying the record would remove, and whether anything stops it. */
  'records.destructionPreview': { access: dsl, input: z.object(target).strict(), output: destructionPreview },
  'records.destroy': {
    access: dsl,
    input: z
      .object({
        ...target,
        reason: z.string().trim().min(1, 'Say why this record is being destroyed').max(1000, 'Keep the reason under 1,000 characters'),
        confirmReference: z.string().max(200),
        currentPassword: confirmingPassword,
      })
      .strict(),
    /** vacuumMs: how long rebuilding the file took; null when another program held it, and the freed pages wait for the next destruction's. */
    output: z.object({ certificate: destructionCertificateView, backupsWarning: z.string(), vacuumMs: z.number().int().min(0).nullable() }),
  },
  'records.destroyedList': { access: dsl, input: z.object({}).strict(), output: z.object({ certificates: z.array(destructionCertificateView) }) },
  'records.destructionCertificatePdf': {
    access: dsl,
    input: z.object({ auditSeq: z.number().int().positive() }).strict(),
    output: z.discriminatedUnion('saved', [z.object({ saved: z.literal(true), fileName: z.string() }), z.object({ saved: z.literal(false) })]),
  },
} as const satisfies Record<string, Spec>;

export type DestructionPreview = z.output<typeof destructionPreview>;
