import type { FormSpec } from '../field-spec';

/** Section 2, "Initial review meeting": the decision is reviewed throughout the response. */
export const decisionReviewSpec: FormSpec = [
  {
    note: 'The decision should be reviewed throughout the process of responding to the incident. If the school now needs to refer to the police or children’s social care, record an escalation as well.',
    fields: [
      {
        name: 'decisionStands',
        label: 'Does the decision stand?',
        type: 'radio',
        options: [
          { value: 'stands', label: 'Yes, the decision stands' },
          { value: 'changed', label: 'No, the decision has changed' },
        ],
      },
      { name: 'reasons', label: 'What was reviewed, and why', hint: 'New information, what the young people said, and the risks as they are now.', type: 'textarea' },
      {
        name: 'nextReviewBy',
        label: 'Next review by (optional)',
        hint: 'While the incident stays open, the dashboard reminds you when this date passes. Leave blank if no further review is planned.',
        type: 'date',
      },
    ],
  },
];
