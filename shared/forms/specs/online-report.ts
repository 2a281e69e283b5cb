import { ONLINE_ROUTE_LABELS, ONLINE_ROUTES } from '../../domain/entries/online-report';
import { ABOUT_FIELD, choices, type FormSpec } from '../field-spec';

/** Annex D: reporting imagery online to have it removed. */
export const onlineReportSpec: FormSpec = [
  { fields: [ABOUT_FIELD] },
  {
    note: 'The quickest way to remove imagery is for whoever posted it to log in and delete it. If that is not possible, report it to the service: sexual imagery of under-18s breaks every major service’s terms and is illegal.',
    fields: [
      { name: 'service', label: 'Which service or site?', hint: 'For example Snapchat, Instagram, WhatsApp, YouTube.', type: 'text' },
      { name: 'reportedBy', label: 'Who made the report?', hint: 'The young person, a parent or carer, or a member of staff helping them.', type: 'text' },
    ],
  },
  {
    // Report Remove and Take It Down work from the young person's own device (S4, S5); staff
    // who view or pass on the imagery to make a report would be breaking the law (S2).
    note: 'Do not view, download or upload the imagery: the young person uses these tools themselves.',
    fields: [
      {
        name: 'route',
        label: 'How was it reported?',
        type: 'radio',
        options: choices(ONLINE_ROUTES, ONLINE_ROUTE_LABELS, {
          service: 'Most services have a reporting tool; some let someone else report for the young person.',
          'childline-iwf': 'For under-18s reporting nudes or semi-nudes of themselves; from 13 they prove their age through Yoti; Childline tells them the outcome.',
          'take-it-down': 'For under-18s; the image stays on the device it was taken on; it only works on participating services that are not end-to-end encrypted.',
          ceop: 'When people the young person does not know contact them, there are concerns about grooming or exploitation, or someone threatens to share an image unless they pay or send more.',
        }),
      },
      { name: 'outcome', label: 'Outcome (optional)', hint: 'For example removed, not removed and reported again, or account blocked.', type: 'textarea' },
    ],
  },
];
