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
      {
        name: 'route',
        label: 'How was it reported?',
        type: 'radio',
        options: choices(ONLINE_ROUTES, ONLINE_ROUTE_LABELS, {
          service: 'Most services have a reporting tool; some let someone else report for the young person.',
          'childline-iwf': 'When a site has no reporting tool, or a report has not removed it. Young people go through ChildLine; adults can report to the IWF directly.',
          ceop: 'When people the young person does not know, who have seen the imagery, contact them, or there are concerns about grooming or exploitation.',
        }),
      },
      { name: 'outcome', label: 'Outcome (optional)', hint: 'For example removed, not removed and reported again, or account blocked.', type: 'textarea' },
    ],
  },
];
