import { FINDING_KIND_KEYS } from '../domain/verification';
import { z } from 'zod';
import { entryContent, entryTiming, ENTRY_KINDS } from '../domain/entries/kinds';
import {
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
  MEDIA,
  OTHER_PERSON_KINDS,
  PERSON_ROLES,
  SHARING,
  incidentInput,
  otherPersonInput,
  roleSet as personRoleSet,
} from '../domain/incidents';
import { pupil, pupilInput, SEXES, YEAR_GROUPS } from '../domain/pupils';
import { GAP_KINDS, STEP_IDS } from '../domain/completeness';
import { SIGNATURE_MEANING_KEYS } from '../domain/signatures';
import { password, ROLES, username } from '../domain/staff';
import { incidentEvent } from './contract-lifecycle';
import { none, type Spec } from './spec';

const id = (what: string) => z.number({ error: `Choose the ${what}` }).int().positive();
const recorders = { roles: ['dsl', 'deputy'] } as const;

const pupilSummary = z.object({
  id: z.number().int(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string(),
  yearGroup: z.enum(YEAR_GROUPS),
  sex: z.enum(SEXES),
  incidentCount: z.number().int(),
});

const incidentFields = z.object({
  id: z.number().int(),
  reference: z.string(),
  title: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  cameToAttentionOn: z.string(),
  imageryDate: z.string(),
  kind: z.enum(INCIDENT_KINDS),
  media: z.enum(MEDIA),
  services: z.array(z.string()),
  sharing: z.enum(SHARING),
  sharingDetails: z.string(),
  policeMatter: z.boolean(),
  createdAt: z.string(),
  createdByName: z.string(),
  /** Opened by mistake and voided: kept, readable to DSLs, in no list or count. */
  voided: z.boolean(),
  /** When a DSL last reopened it after closure; a closure signed before then no longer counts. */
  reopenedAt: z.string().nullable(),
});

const incidentSummary = incidentFields.pick({
  id: true,
  reference: true,
  title: true,
  status: true,
  cameToAttentionOn: true,
  kind: true,
  policeMatter: true,
}).extend({ peopleCount: z.number().int(), entryCount: z.number().int() });

const incidentPerson = z.object({
  id: z.number().int(),
  roles: z.array(z.enum(PERSON_ROLES)),
  /** Whole years on the imagery's date (or the date it came to attention); null when unknown. */
  ageOnImageryDate: z.number().int().nullable(),
  pupil: pupil.nullable(),
  other: z
    .object({
      kind: z.enum(OTHER_PERSON_KINDS),
      name: z.string(),
      age: z.number().int().nullable(),
      dateOfBirth: z.string(),
      sex: z.enum(SEXES),
      setting: z.string(),
      relationship: z.string(),
    })
    .nullable(),
  addedAt: z.string(),
  addedByName: z.string(),
  /** Set when they were removed from the incident (added in error); the roles are those they had. */
  removal: z.object({ at: z.string(), byName: z.string(), reason: z.string() }).nullable(),
});

const signature = z.object({
  id: z.number().int(),
  entryId: z.number().int(),
  signerId: z.number().int(),
  signerName: z.string(),
  signerRole: z.string(),
  meaning: z.enum(SIGNATURE_MEANING_KEYS),
  signedAt: z.string(),
  contentHash: z.string(),
  witnessedByName: z.string(),
});

const entryVersion = z.object({
  id: z.number().int(),
  entryKey: z.string(),
  incidentId: z.number().int(),
  kind: z.enum(ENTRY_KINDS),
  version: z.number().int(),
  supersedesId: z.number().int().nullable(),
  occurredAt: z.string(),
  recordedAt: z.string(),
  authorId: z.number().int(),
  authorName: z.string(),
  body: z.record(z.string(), z.unknown()),
  amendmentReason: z.string().nullable(),
  contentHash: z.string(),
  latest: z.boolean(),
  backdated: z.boolean(),
  summary: z.string(),
  signatures: z.array(signature),
});

const staffChoice = z.object({ id: z.number().int(), name: z.string(), roles: z.array(z.enum(ROLES)), active: z.boolean() });

const gap = z.object({ step: z.enum(STEP_IDS), kind: z.enum(GAP_KINDS), message: z.string() });

const incidentDetail = z.object({
  incident: incidentFields,
  /** The people on the incident now: everything the record decides counts only these. */
  people: z.array(incidentPerson),
  /** People removed from the incident (added in error), kept to show who, when and why. */
  removedPeople: z.array(incidentPerson),
  entries: z.array(entryVersion),
  staff: z.array(staffChoice),
  /** What the record still lacks for the path it has taken (shared/domain/completeness). */
  gaps: z.array(gap),
  closureSigned: z.boolean(),
  /** Whether and how the police are involved (shared/domain/police-involvement). */
  police: z.object({ involved: z.boolean(), words: z.string() }),
  /** Corrections, closures, reopenings and voiding of the incident itself, oldest first. */
  history: z.array(incidentEvent),
});

const dashboard = z.object({
  openIncidents: z.array(incidentSummary.extend({ gaps: z.array(gap) })),
  overdue: z.array(z.object({ incidentId: z.number().int(), reference: z.string(), entryId: z.number().int(), what: z.string(), dueOn: z.string() })),
  awaitingSignature: z.array(
    z.object({
      incidentId: z.number().int(),
      reference: z.string(),
      entryId: z.number().int(),
      entryLabel: z.string(),
      occurredAt: z.string(),
      meaning: z.enum(SIGNATURE_MEANING_KEYS),
      from: z.string(),
      /** True when the signed-in person is the one (or holds the role) the signature is awaited from. */
      forMe: z.boolean(),
    }),
  ),
  /** The newest good backup, and whether one is recent enough not to warn about. */
  lastBackup: z.object({
    at: z.string().nullable(),
    folderChosen: z.boolean(),
    /** A good backup within the last seven days. */
    recent: z.boolean(),
  }),
});

const auditRow = z.object({
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

export type PupilSummary = z.output<typeof pupilSummary>;
export type IncidentSummary = z.output<typeof incidentSummary>;
export type IncidentDetail = z.output<typeof incidentDetail>;
export type IncidentPerson = z.output<typeof incidentPerson>;
export type EntryVersion = z.output<typeof entryVersion>;
export type Signature = z.output<typeof signature>;
export type AuditRowView = z.output<typeof auditRow>;
export type StaffChoice = z.output<typeof staffChoice>;
export type Dashboard = z.output<typeof dashboard>;
export type Gap = z.output<typeof gap>;
