import { z } from 'zod';
import { dateField } from '../domain/dates';
import type { Spec } from './spec';

const refresh = z.object({ trainedOn: z.string(), dueBy: z.string(), state: z.enum(['current', 'due-soon', 'overdue']) });
const trainingList = z.object({
  people: z.array(z.object({ staffId: z.number().int(), name: z.string(), roleWords: z.string(), refresh: refresh.nullable() })),
});

/** DSL refresher training dates (issue 22 item 4): kept by the DSL, each DSL or deputy reminded of their own. */
export const trainingChannels = {
  'training.list': { access: { roles: ['dsl'] }, input: z.object({}).strict(), output: trainingList },
  'training.set': {
    access: { roles: ['dsl'] },
    input: z.object({ staffId: z.number().int().positive(), trainedOn: dateField('Enter the date of their last DSL training') }).strict(),
    output: trainingList,
  },
  'training.mine': { access: 'staff', input: z.object({}).strict(), output: z.object({ refresh: refresh.nullable() }) },
} as const satisfies Record<string, Spec>;
