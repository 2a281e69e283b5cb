import { z } from 'zod';
import { INCIDENT_EVENT_KINDS } from '../incident-lifecycle';

/** One thing that happened to the incident record itself (not an entry on it). */
export const incidentEvent = z.object({
  kind: z.enum(INCIDENT_EVENT_KINDS),
  at: z.string(),
  byName: z.string(),
  reason: z.string(),
  /** What happened, in a sentence, where the kind and the changes do not say it (a person removed). */
  what: z.string(),
  /** For a correction: each fact changed, from → to, in words. */
  changes: z.array(z.object({ field: z.string(), label: z.string(), from: z.string(), to: z.string() })),
});

/** An incident opened by mistake and voided: who voided it, when and why. */
export const voidedIncident = z.object({
  id: z.number().int(),
  reference: z.string(),
  title: z.string(),
  cameToAttentionOn: z.string(),
  voidedAt: z.string(),
  voidedByName: z.string(),
  reason: z.string(),
});

export type IncidentEventView = z.output<typeof incidentEvent>;
export type VoidedIncident = z.output<typeof voidedIncident>;
