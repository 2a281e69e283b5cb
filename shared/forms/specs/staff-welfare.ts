import type { FormSpec } from '../field-spec';

/** Section 2: a member of staff who unavoidably saw imagery is offered support. */
export const staffWelfareSpec: FormSpec = [
  {
    fields: [
      {
        name: 'staffMember',
        label: 'Member of staff',
        hint: 'Someone who saw imagery unavoidably: after a disclosure, or in their daily role (for example IT staff monitoring school systems).',
        type: 'text',
      },
      {
        name: 'supportOffered',
        label: 'Support offered',
        hint: 'Seeing this imagery can be distressing for adults too: offer appropriate emotional support.',
        type: 'textarea',
      },
    ],
  },
];
