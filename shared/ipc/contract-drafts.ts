import { z } from 'zod';
import { draft, draftDays, draftFormKey, draftSummary, draftValues } from '../domain/drafts';
import { done, none, type Spec } from './spec';

const draftId = z.number({ error: 'Choose the draft' }).int().positive();

/**
 * Drafts (decision 0023): every signed-in person keeps their own; each handler checks,
 * inside its transaction, that the draft is the caller's.
 */
export const draftChannels = {
  'drafts.save': {
    access: 'staff',
    input: z
      .object({ formKey: draftFormKey, incidentId: z.number().int().positive().nullable(), description: z.string().trim().min(1).max(200), values: draftValues })
      .strict(),
    output: z.object({ id: z.number().int(), savedAt: z.string() }),
  },
  'drafts.mine': { access: 'staff', input: none, output: z.array(draftSummary) },
  'drafts.get': { access: 'staff', input: z.object({ id: draftId }).strict(), output: draft },
  'drafts.discard': { access: 'staff', input: z.object({ id: draftId }).strict(), output: done },
  'drafts.retention': { access: 'staff', input: none, output: z.object({ days: z.number().int() }) },
  'drafts.setRetention': { access: { roles: ['dsl'] }, input: z.object({ days: draftDays }).strict(), output: z.object({ days: z.number().int() }) },
} as const satisfies Record<string, Spec>;
