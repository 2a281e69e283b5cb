import { POLICE_ROUTE_LABELS, POLICE_ROUTES } from '../../domain/entries/police-report';
import { choices, when, type FormSpec } from '../field-spec';

/** Section 2, "Reporting incidents to the police". */
export const policeReportSpec: FormSpec = [
  {
    fields: [
      {
        name: 'route',
        label: 'How were the police contacted?',
        hint: 'Through the school’s usual arrangements: a safer schools officer, a PCSO, the local neighbourhood police or 101. In an emergency, 999.',
        type: 'radio',
        options: choices(POLICE_ROUTES, POLICE_ROUTE_LABELS, {
          'safer-schools-officer': 'Can also advise on preventing and managing incidents.',
          '101': 'The call handler may not be a specialist in this area.',
        }),
      },
      { name: 'toWhom', label: 'Who was the report made to?', hint: 'Name, role and collar number.', type: 'text' },
      {
        name: 'crimeReference',
        label: 'Crime reference number',
        hint: 'Record the crime reference number the police give you. If it has not come yet, leave this blank and amend the entry when it does.',
        type: 'text',
        showIf: (body) => body.noCrimeReference !== true,
      },
      {
        name: 'noCrimeReference',
        label: 'The police gave no crime reference',
        hint: 'For example when they gave advice only and recorded no crime. The record is not complete until it has a crime reference or says why there is none.',
        type: 'checkbox',
      },
      {
        name: 'noCrimeReferenceReason',
        label: 'Why was no crime reference given?',
        type: 'textarea',
        rows: 3,
        showIf: when('noCrimeReference', true),
      },
    ],
  },
  {
    heading: 'Advice and outcome',
    fields: [
      {
        name: 'advice',
        label: 'Advice the police gave (optional)',
        hint: 'Once children are named or details given, the police must record and investigate: they cannot give general advice.',
        type: 'textarea',
      },
      {
        name: 'outcome',
        label: 'Outcome (optional)',
        hint: 'For example Outcome 21: the police record that further investigation is not in the public interest, so no formal action is taken against the young person.',
        type: 'textarea',
      },
    ],
  },
];
