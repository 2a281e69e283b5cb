import { z } from 'zod';
import { optionalText, requiredText } from '../text';
import { aboutPeople } from './common';

/** Section 2, "Interviewing and talking to the young person/people involved". */
export const conversationBody = z.object({
  about: aboutPeople,
  withWhom: requiredText('Enter who the conversation was with', 300),
  byWhom: requiredText('Enter who held the conversation', 300),
  summary: requiredText('Summarise the conversation', 8000),
  supportOffered: optionalText(4000),
});
export type ConversationBody = z.output<typeof conversationBody>;

/** Section 2: a member of staff who unavoidably saw imagery is offered support. */
export const staffWelfareBody = z.object({
  staffMember: requiredText('Enter the member of staff', 160),
  supportOffered: requiredText('Record the support offered', 4000),
});
export type StaffWelfareBody = z.output<typeof staffWelfareBody>;
