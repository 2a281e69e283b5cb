import { ABOUT_FIELD, type FormSpec } from '../field-spec';

/** Section 2, "Interviewing and talking to the young person/people involved". */
export const conversationSpec: FormSpec = [
  { fields: [ABOUT_FIELD] },
  {
    fields: [
      {
        name: 'withWhom',
        label: 'Who was the conversation with?',
        hint: 'Only once the young person is known not to be at immediate risk.',
        type: 'text',
      },
      {
        name: 'byWhom',
        label: 'Who held it?',
        hint: 'The DSL if possible, or another teacher the young person is more comfortable with.',
        type: 'text',
      },
      {
        name: 'summary',
        label: 'Summary of the conversation',
        hint: 'The purpose: to find out, without looking, what the image contains and whether anyone else was involved; and who has seen or shared it and how to stop it spreading. Stay solution-focused and avoid questions such as “why have you done this?”.',
        type: 'textarea',
        rows: 8,
      },
      {
        name: 'supportOffered',
        label: 'Support offered (optional)',
        hint: 'For example reassurance that they are not alone, talking about consent and trust in healthy relationships, ChildLine.',
        type: 'textarea',
      },
    ],
  },
];
