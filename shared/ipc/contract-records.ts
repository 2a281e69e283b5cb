import { FINDING_KIND_KEYS } from '../domain/verification';
import { z } from 'zod';
import { entryContent, entryTiming } from '../domain/entries/kinds';
import { INCIDENT_STATUSES, PERSON_ROLES, incidentInput, otherPersonInput, roleSet as personRoleSet } from '../domain/incidents';
import { pupil, pupilInput } from '../domain/pupils';
import { auditRow } from '../domain/read-models/audit-row';
import { dashboard } from '../domain/read-models/dashboard';
import { entryVersion, signature } from '../domain/read-models/entry-version';
import { incidentDetail } from '../domain/read-models/incident-detail';
import { incidentPerson } from '../domain/read-models/incident-person';
import { incidentSummary } from '../domain/read-models/incident-summary';
import { pupilSummary } from '../domain/read-models/pupil-summary';
import { SIGNATURE_MEANING_KEYS } from '../domain/signatures';
import { password, username } from '../domain/staff';
import { none, type Spec } from './spec';

const id = (what: string) => z.number({ error: `Choose the ${what}` }).int().positive();
const recorders = { roles: ['dsl', 'deputy'] } as const;

/** Why someone added to an incident in error is removed from it. */
const removalReason = z
  .string({ error: 'Give the reason for removing them' })
  .trim()
  .min(1, 'Give the reason for removing them')
  .max(1000, 'Keep the reason to 1,000 characters');

const reason = z.string().trim().min(1, 'Give the reason for the amendment').max(1000, 'Keep the reason to 1,000 characters');

/** Pupils, incidents, people on incidents, entries, signatures and the audit log. */
export const recordChannels = {
  'pupils.search': {
    access: 'staff',
    input: z.object({ query: z.string().trim().max(80), limit: z.number().int().min(1).max(50).default(10) }).strict(),
    output: z.array(pupilSummary),
  },
  'pupils.list': { access: 'staff', input: none, output: z.array(pupilSummary) },
  'pupils.get': {
    access: 'staff',
    input: z.object({ pupilId: id('pupil') }).strict(),
    output: z.object({
      pupil,
      incidents: z.array(incidentSummary.extend({ roles: z.array(z.enum(PERSON_ROLES)) })),
    }),
  },
  'pupils.create': { access: recorders, input: pupilInput.strict(), output: pupil },
  'pupils.update': { access: recorders, input: pupilInput.extend({ pupilId: id('pupil') }).strict(), output: pupil },

  'incidents.list': {
    access: 'staff',
    input: z.object({ status: z.enum([...INCIDENT_STATUSES, 'all']).default('all') }).strict(),
    output: z.array(incidentSummary),
  },
  'incidents.create': { access: recorders, input: incidentInput, output: z.object({ id: z.number().int(), reference: z.string() }) },
  'incidents.get': { access: 'staff', input: z.object({ incidentId: id('incident') }).strict(), output: incidentDetail },
  'incidents.addPupil': {
    access: recorders,
    input: z.object({ incidentId: id('incident'), pupilId: id('pupil'), roles: personRoleSet }).strict(),
    output: incidentPerson,
  },
  'incidents.addOtherPerson': {
    access: recorders,
    input: z.object({ incidentId: id('incident'), person: otherPersonInput, roles: personRoleSet }).strict(),
    output: incidentPerson,
  },
  'incidents.setRoles': {
    access: recorders,
    input: z.object({ incidentPersonId: id('person'), roles: personRoleSet }).strict(),
    output: incidentPerson,
  },

  'incidents.removePerson': {
    access: recorders,
    input: z.object({ incidentPersonId: id('person'), reason: removalReason }).strict(),
    output: incidentPerson,
  },

  'incidents.close': {
    access: { roles: ['dsl'] },
    input: z.object({ incidentId: id('incident') }).strict(),
    output: z.object({ id: z.number().int(), status: z.enum(INCIDENT_STATUSES) }),
  },
  'dashboard.get': { access: 'staff', input: none, output: dashboard },

  'entries.create': {
    access: recorders,
    input: entryTiming.extend({ incidentId: id('incident') }).and(entryContent),
    output: entryVersion,
  },
  'entries.revise': {
    access: recorders,
    input: entryTiming.extend({ entryId: id('entry'), reason: reason.optional() }).and(entryContent),
    output: entryVersion,
  },
  'entries.sign': {
    access: 'staff',
    input: z
      .object({
        entryId: id('entry'),
        meaning: z.enum(SIGNATURE_MEANING_KEYS, { error: 'Choose what your signature means' }),
        username,
        password,
      })
      .strict(),
    output: signature,
  },

  'audit.verify': {
    access: { roles: ['dsl'] },
    input: none,
    output: z.object({
      ok: z.boolean(),
      auditRows: z.number().int(),
      signed: z.boolean(),
      lastIntact: z.object({ seq: z.number().int(), at: z.string() }).nullable(),
      findings: z.array(z.object({ kind: z.enum(FINDING_KIND_KEYS), where: z.string(), detail: z.string() })),
    }),
  },
  'audit.list': {
    access: { roles: ['dsl'] },
    input: z.object({ beforeSeq: z.number().int().positive().optional(), limit: z.number().int().min(1).max(200).default(50) }).strict(),
    output: z.array(auditRow),
  },
} as const satisfies Record<string, Spec>;

// The read models live in shared/domain/read-models (the database layer and the PDFs use them
// too); the renderer keeps importing them from the contract.
export type { AuditRowView } from '../domain/read-models/audit-row';
export type { Dashboard } from '../domain/read-models/dashboard';
export type { EntryVersion, Signature } from '../domain/read-models/entry-version';
export type { IncidentDetail } from '../domain/read-models/incident-detail';
export type { IncidentPerson } from '../domain/read-models/incident-person';
export type { IncidentSummary } from '../domain/read-models/incident-summary';
export type { PupilSummary } from '../domain/read-models/pupil-summary';
