import { REFER_TO, REFER_TO_LABELS } from '../../domain/entries/initial-review';
import { choices, type FormSpec } from '../field-spec';

/** A referral made after the initial review: possible at any time, and recorded as such. */
export const escalationSpec: FormSpec = [
  {
    fields: [
      {
        name: 'referTo',
        label: 'Who is the incident escalated to?',
        hint: 'A school can escalate at any time if new information or concerns come to light. If your area has a MASH, it may be the first point of contact.',
        type: 'checkboxes',
        options: choices(REFER_TO, REFER_TO_LABELS),
      },
      { name: 'reasons', label: 'Why is it being escalated?', hint: 'What has come to light. If in doubt, refer.', type: 'textarea', rows: 6 },
    ],
  },
];
