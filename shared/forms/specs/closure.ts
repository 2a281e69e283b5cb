import type { FormSpec } from '../field-spec';

/** Review and closure, signed by a DSL. */
export const closureSpec: FormSpec = [
  {
    fields: [
      {
        name: 'outcome',
        label: 'Outcome of the incident',
        hint: 'How it ended, for each young person, and what follows. A DSL signs the closure; the incident can close only when its record is complete.',
        type: 'textarea',
        rows: 6,
      },
      { name: 'lessons', label: 'Lessons learned (optional)', hint: 'For example staff training, or online safety teaching to update.', type: 'textarea' },
    ],
  },
];
