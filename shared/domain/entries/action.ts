import { z } from 'zod';
import { optionalText, requiredText } from '../text';
import { aboutPeople, optionalDate } from './common';
import { REFER_TO } from './initial-review';

export const ACTION_TYPES = ['sanction', 'education', 'support-referral', 'inter-agency-meeting', 'follow-up'] as const;
export const ACTION_TYPE_LABELS: Record<(typeof ACTION_TYPES)[number], string> = {
  sanction: 'Sanction under the behaviour policy',
  education: 'Education or advice',
  'support-referral': 'Referral for support (for example a harmful sexual behaviour service)',
  'inter-agency-meeting': 'Inter-agency meeting or strategy discussion',
  'follow-up': 'Follow-up to do',
};

export const actionBody = z.object({
  about: aboutPeople,
  type: z.enum(ACTION_TYPES, { error: 'Say what kind of action this is' }),
  description: requiredText('Describe the action', 4000),
  dueOn: optionalDate,
  completedOn: optionalDate,
  /**
   * The member of staff who is to do it (issue 19, What is due); absent means anyone. No
   * default, so bodies recorded before it was asked parse, and hash, unchanged.
   */
  owner: z.number().int().positive().optional(),
});
export type ActionBody = z.output<typeof actionBody>;

export function actionOverdue(body: ActionBody, today: string): boolean {
  return body.dueOn !== '' && body.completedOn === '' && body.dueOn < today;
}

/** Section 2: a school can escalate at any time if further information comes to light. */
export const escalationBody = z.object({
  referTo: z.array(z.enum(REFER_TO)).min(1, 'Choose who the incident is escalated to').max(REFER_TO.length, 'Choose each one once'),
  reasons: requiredText('Record why the incident is being escalated', 8000),
});
export type EscalationBody = z.output<typeof escalationBody>;

/** Review and closure, signed by a DSL. */
export const closureBody = z.object({
  outcome: requiredText('Record the outcome of the incident', 8000),
  lessons: optionalText(4000),
});
export type ClosureBody = z.output<typeof closureBody>;
