import { PARENT_MEANS, PARENT_MEANS_LABELS } from '../../domain/entries/parents';
import { choices, when, type FormSpec } from '../field-spec';

const told = when('informed', 'yes');
const notTold = when('informed', 'no');

/** Section 2 "Informing parents" and Annex C, one entry per pupil. */
export const parentsSpec: FormSpec = [
  {
    fields: [
      {
        name: 'pupilPersonId',
        label: 'Which pupil’s parents or carers?',
        hint: 'Record one entry for each pupil.',
        type: 'person',
        pupilsOnly: true,
      },
      {
        name: 'informed',
        label: 'Have the parents or carers been told?',
        hint: 'Tell them at an early stage unless that would put the young person at risk of harm. A decision not to tell them is usually taken with children’s social care or the police.',
        type: 'radio',
        options: [
          { value: 'yes', label: 'Yes, they have been told' },
          { value: 'no', label: 'No, they are not being told' },
        ],
      },
    ],
  },
  {
    heading: 'Telling them',
    fields: [
      { name: 'whoWasTold', label: 'Which parent or carer was told?', type: 'text', showIf: told },
      { name: 'toldBy', label: 'Who told them?', hint: 'A member of staff, or the pupil with the school’s support.', type: 'text', showIf: told },
      { name: 'means', label: 'How were they told?', type: 'radio', options: choices(PARENT_MEANS, PARENT_MEANS_LABELS), showIf: told },
      {
        name: 'pupilSupported',
        label: 'The pupil was supported to tell them themselves',
        hint: 'Where possible, help young people to speak to their parents or carers themselves.',
        type: 'checkbox',
        showIf: told,
      },
    ],
  },
  {
    heading: 'Not telling them',
    fields: [
      {
        name: 'reasons',
        label: 'Why are they not being told?',
        hint: 'For example a concern about abuse at home, or cultural or religious factors that would affect how they respond. Record the reasons clearly.',
        type: 'textarea',
        showIf: notTold,
      },
      {
        name: 'decidedBy',
        label: 'Who took the decision?',
        hint: 'Usually taken with children’s social care or the police, who then decide when the parents or carers should be told.',
        type: 'text',
        showIf: notTold,
      },
    ],
  },
  {
    fields: [
      {
        name: 'notes',
        label: 'Notes (optional)',
        hint: 'For example the advice given (UKCCIS 2016, Annex C): the law, how to have images removed, where the family can find support.',
        type: 'textarea',
      },
    ],
  },
];
