import { z } from 'zod';
import { INCIDENT_STATUSES, incidentFields, withIncidentRules } from '../domain/incidents';
import { correctIncidentReason, reopenIncidentReason, voidIncidentReason, voidOrReopenInput } from '../domain/incident-lifecycle';
import { voidedIncident } from '../domain/read-models/incident-history';
import { none, type Spec } from './spec';

const incidentId = z.number({ error: 'Choose the incident' }).int().positive();

/** The form's schema: the same facts as opening an incident, and why they are being corrected. */
export const incidentCorrection = withIncidentRules(z.object({ ...incidentFields, reason: correctIncidentReason }).strict());

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

export type { IncidentEventView } from '../domain/read-models/incident-history';
