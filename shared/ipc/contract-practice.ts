import { z } from 'zod';
import { practiceSession, SCENARIO_ID_PATTERN } from '../domain/practice-session';
import { done } from './spec';
import type { Spec } from './spec';

/**
 * Issue 22 items 2–4: the practice scenarios and the training log. Every channel here works
 * only on the practice records (the core refuses on the school's own, handlers/practice-guard.ts),
 * except `practice.forIncident`, which the incident page reads on every incident and so
 * answers null there rather than refusing.
 */
const practisers = { roles: ['dsl', 'deputy'] } as const;

// The shape only: the core answers not_found for a well-formed id it does not ship.
const scenarioId = z.string().regex(SCENARIO_ID_PATTERN, 'Choose one of the practice scenarios');

export const practiceChannels = {
  /** Opens a practice incident for the scenario and links the two; the person then works it through the real forms. */
  'practice.startScenario': {
    access: practisers,
    input: z.object({ scenarioId }).strict(),
    output: z.object({ incidentId: z.number().int(), practiceSessionId: z.number().int() }),
  },
  /** The practice session an incident belongs to; null on any other incident and on the school's records. */
  'practice.forIncident': {
    access: 'staff',
    input: z.object({ incidentId: z.number().int().positive() }).strict(),
    output: z.object({ session: practiceSession.nullable() }),
  },
  /** Marks the practice done, once its incident has an initial review: it then appears in the training log. */
  'practice.complete': { access: practisers, input: z.object({ practiceSessionId: z.number().int().positive() }).strict(), output: done },
  /** The training log: practice sessions completed, most recent first. */
  'practice.log': { access: practisers, input: z.object({}).strict(), output: z.object({ sessions: z.array(practiceSession) }) },
  /** The training log as a PDF for the school's training records, saved where the person chooses. */
  'practice.logPdf': {
    access: practisers,
    input: z.object({}).strict(),
    output: z.discriminatedUnion('saved', [
      z.object({ saved: z.literal(true), fileName: z.string(), pages: z.number().int() }),
      /** The save dialog was cancelled: nothing was written. */
      z.object({ saved: z.literal(false) }),
    ]),
  },
} as const satisfies Record<string, Spec>;
