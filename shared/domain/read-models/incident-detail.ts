import { z } from 'zod';
import { GAP_KINDS, STEP_IDS } from '../completeness';
import { OTHER_AGENCIES } from '../other-agencies';
import { ROLES } from '../staff';
import { entryVersion } from './entry-version';
import { incidentEvent } from './incident-history';
import { incidentPerson } from './incident-person';
import { incidentRecord } from './incident-summary';

/** A member of staff as the incident page offers them (who to await a signature from). */
const staffChoice = z.object({ id: z.number().int(), name: z.string(), roles: z.array(z.enum(ROLES)), active: z.boolean() });

/** Something the record still lacks (shared/domain/completeness), and the step it belongs to. */
export const gap = z.object({ step: z.enum(STEP_IDS), kind: z.enum(GAP_KINDS), message: z.string() });

/** Everything the incident page and the printed records show of one incident. */
export const incidentDetail = z.object({
  incident: incidentRecord,
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
  /** Agencies other than the school that know of the incident (shared/domain/other-agencies). */
  otherAgencies: z.array(z.enum(OTHER_AGENCIES)).default([]),
  /** Corrections, closures, reopenings and voiding of the incident itself, oldest first. */
  history: z.array(incidentEvent),
});

export type IncidentDetail = z.output<typeof incidentDetail>;
