import { z } from 'zod';

/** A practice scenario worked in the practice records (issue 22): whose, which, and when. */
export const practiceSession = z.object({
  id: z.number().int(),
  /** A scenario id shipped in shared/practice/scenarios, such as 'case-study-6'. */
  scenarioId: z.string(),
  incidentId: z.number().int(),
  staffName: z.string(),
  startedAt: z.string(),
  completedAt: z.string().nullable(),
});
export type PracticeSessionView = z.infer<typeof practiceSession>;

/** The form every shipped scenario id takes (stored as a code, decision 0020). */
export const SCENARIO_ID_PATTERN = /^case-study-[a-z0-9]+$/;
