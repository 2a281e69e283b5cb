import { DISCLOSURE_MEANS, DISCLOSURE_MEANS_LABELS, DISCLOSURE_SOURCE_LABELS, DISCLOSURE_SOURCES } from '../../domain/entries/disclosure';
import { choices, type FormSpec } from '../field-spec';

/** Section 2, "Disclosure": who told whom, how, and what was said. */
export const disclosureSpec: FormSpec = [
  {
    fields: [
      {
        name: 'source',
        label: 'Who told the school?',
        hint: 'A young person who tells you they are in the imagery is likely to be embarrassed and worried, and may have tried to sort it out alone first. Take it very seriously.',
        type: 'radio',
        options: choices(DISCLOSURE_SOURCES, DISCLOSURE_SOURCE_LABELS),
      },
      { name: 'sourceName', label: 'Their name (optional)', hint: 'Leave blank if they are already named on the incident.', type: 'text' },
      { name: 'toldTo', label: 'Who did they tell?', hint: 'The member of staff they told, for example a form tutor, or the DSL.', type: 'text' },
      { name: 'means', label: 'How did they tell the school?', type: 'radio', options: choices(DISCLOSURE_MEANS, DISCLOSURE_MEANS_LABELS) },
    ],
  },
  {
    heading: 'What was said',
    fields: [
      {
        name: 'whatWasSaid',
        label: 'What was said',
        hint: 'In their own words where you can. Record what you were told about the imagery: do not ask to see it.',
        type: 'textarea',
        rows: 8,
      },
      {
        name: 'immediateActions',
        label: 'Immediate actions (optional)',
        hint: 'For example: passed to the DSL straight away, device taken and switched off, initial review meeting arranged.',
        type: 'textarea',
      },
    ],
  },
];
