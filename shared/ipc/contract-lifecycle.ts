import { z } from 'zod';
import { INCIDENT_STATUSES, incidentFields, withIncidentRules } from '../domain/incidents';
import {
  correctIncidentReason,
  INCIDENT_EVENT_KINDS,
  reopenIncidentReason,
  voidIncidentReason,
  voidOrReopenInput,
} from '../domain/incident-lifecycle';
import { none, type Spec } from './spec';

const incidentId = z.number({ error: 'Choose the incident' }).int().positive();

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

/** The form's schema: the same facts as opening an incident, and why they are being corrected. */
export const incidentCorrection = withIncidentRules(z.object({ ...incidentFields, reason: correctIncidentReason }).strict());

const voidedIncident = z.object({
  id: z.number().int(),
  reference: z.string(),
  title: z.string(),
  cameToAttentionOn: z.string(),
  voidedAt: z.string(),
  voidedByName: z.string(),
  reason: z.string(),
});

/** Correcting, voiding and reopening incidents (shared/domain/incident-lifecycle). */
export const lifecycleChannels = {
  'incidents.correct': {
    access: { roles: ['dsl', 'deputy'] },
    input: withIncidentRules(z.object({ ...incidentFields, reason: correctIncidentReason, incidentId }).strict()),
    output: z.object({ id: z.number().int(), reference: z.string(), changed: z.number().int() }),
  },
  'incidents.void': {
    access: { roles: ['dsl'] },
    input: voidOrReopenInput(voidIncidentReason),
    output: z.object({ id: z.number().int(), voided: z.literal(true) }),
  },
  'incidents.reopen': {
    access: { roles: ['dsl'] },
    input: voidOrReopenInput(reopenIncidentReason),
    output: z.object({ id: z.number().int(), status: z.enum(INCIDENT_STATUSES) }),
  },
  'incidents.listVoided': { access: { roles: ['dsl'] }, input: none, output: z.array(voidedIncident) },
} as const satisfies Record<string, Spec>;

export type VoidedIncident = z.output<typeof voidedIncident>;
export type IncidentEventView = z.output<typeof incidentEvent>;
