import { z } from 'zod';
import { chronologyFilters, chronologyScope } from '../domain/chronology';
import { ENTRY_KINDS } from '../domain/entries/kinds';
import { INCIDENT_STATUSES, PERSON_ROLES } from '../domain/incidents';
import { YEAR_GROUPS } from '../domain/pupils';
import { SIGNATURE_MEANING_KEYS } from '../domain/signatures';
import { entryVersion } from '../domain/read-models/entry-version';
import { incidentDetail } from '../domain/read-models/incident-detail';
import { incidentEvent } from '../domain/read-models/incident-history';
import type { Spec } from './spec';

const CHRONOLOGY_PAGE_MAX = 200;

const incidentBrief = z.object({
  id: z.number().int(),
  reference: z.string(),
  title: z.string(),
  status: z.enum(INCIDENT_STATUSES),
  cameToAttentionOn: z.string(),
});

const chronologyHeader = z.object({
  incident: incidentBrief.extend({ voided: z.boolean() }).nullable(),
  pupil: z
    .object({ id: z.number().int(), firstName: z.string(), lastName: z.string(), yearGroup: z.enum(YEAR_GROUPS), dateOfBirth: z.string() })
    .nullable(),
  /** A pupil's incidents, earliest first, with their roles in each and when each one's entries start and end. */
  pupilIncidents: z.array(
    incidentBrief.extend({
      roles: z.array(z.enum(PERSON_ROLES)),
      entryCount: z.number().int(),
      firstOccurredAt: z.string().nullable(),
      lastOccurredAt: z.string().nullable(),
    }),
  ),
  /** For an incident: corrections of its details, people removed, and its closures, reopenings and voiding, oldest first. */
  incidentHistory: z.array(incidentEvent),
  /** Everyone who could have written an entry, for the author filter. */
  authors: z.array(z.object({ id: z.number().int(), name: z.string(), active: z.boolean() })),
});

const chronologyRow = z.object({
  id: z.number().int(),
  entryKey: z.string(),
  version: z.number().int(),
  kind: z.enum(ENTRY_KINDS),
  occurredAt: z.string(),
  recordedAt: z.string(),
  authorId: z.number().int(),
  authorName: z.string(),
  incidentId: z.number().int(),
  incidentReference: z.string(),
  incidentTitle: z.string(),
  incidentStatus: z.enum(INCIDENT_STATUSES),
  summary: z.string(),
  backdated: z.boolean(),
  amendmentReason: z.string().nullable(),
  signatures: z.array(z.object({ signerName: z.string(), meaning: z.enum(SIGNATURE_MEANING_KEYS), signedAt: z.string() })),
  /** Signatures this version's kind requires and it does not have yet, and from whom. */
  awaiting: z.array(z.object({ meaning: z.enum(SIGNATURE_MEANING_KEYS), from: z.string() })),
  /** In a pupil's chronology: their roles in this entry's incident. */
  roles: z.array(z.enum(PERSON_ROLES)).nullable(),
  /** Pupils on this entry's incident (not in an incident's own chronology, where they are the same on every row). */
  pupils: z.array(z.object({ id: z.number().int(), name: z.string() })),
  /** Whom the entry is about (shared/domain/whose-entry.ts); empty for the incident as a whole. */
  about: z.array(z.object({ personId: z.number().int(), name: z.string(), child: z.boolean() })),
  /** In a pupil's chronology: the entry is about other people only, not this pupil. */
  concernsOnlyOthers: z.boolean(),
  /** When searching: the part of the entry's text where a word was found. */
  snippet: z.string().nullable(),
});

const chronologyPage = z.object({
  rows: z.array(chronologyRow),
  /** How many entries match, or null when the call asked not to count again. */
  total: z.number().int().nullable(),
  /** The newest entry row the answer covers; pass it back so later pages line up with the first. */
  snapshot: z.number().int(),
  /** The search as the core understood it, word by word, for highlighting. */
  terms: z.array(z.string()),
});

const chronologyEntry = z.object({
  incident: incidentDetail.shape.incident,
  people: incidentDetail.shape.people,
  removedPeople: incidentDetail.shape.removedPeople,
  staff: incidentDetail.shape.staff,
  /** Every version of the entry, newest first. */
  versions: z.array(entryVersion),
});

/** Chronologies per incident, per pupil and for the whole school, with filters and search. */
export const chronologyChannels = {
  'chronology.header': { access: 'staff', input: z.object({ scope: chronologyScope }).strict(), output: chronologyHeader },
  'chronology.page': {
    access: 'staff',
    input: z
      .object({
        scope: chronologyScope,
        filters: chronologyFilters,
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(CHRONOLOGY_PAGE_MAX).default(100),
        /** From the first page's answer; leave out on the first page. */
        snapshot: z.number().int().min(0).optional(),
        /** Whether to count the matches (the first page must; later pages need not). */
        count: z.boolean().default(true),
      })
      .strict(),
    output: chronologyPage,
  },
  'chronology.entry': { access: 'staff', input: z.object({ entryId: z.number().int().positive() }).strict(), output: chronologyEntry },
} as const satisfies Record<string, Spec>;

export type ChronologyHeader = z.output<typeof chronologyHeader>;
export type ChronologyRow = z.output<typeof chronologyRow>;
export type ChronologyEntry = z.output<typeof chronologyEntry>;
