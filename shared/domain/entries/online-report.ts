import { z } from 'zod';
import { optionalText, requiredText } from '../text';
import { aboutPeople } from './common';

export const ONLINE_ROUTES = ['service', 'childline-iwf', 'ceop', 'other'] as const;
export const ONLINE_ROUTE_LABELS: Record<(typeof ONLINE_ROUTES)[number], string> = {
  service: 'The service’s own reporting tool',
  'childline-iwf': 'ChildLine and the Internet Watch Foundation (Report Remove)',
  ceop: 'NCA-CEOP (when strangers make contact)',
  other: 'Another route',
};

/** Annex D: reporting imagery online for removal. */
export const onlineReportBody = z.object({
  about: aboutPeople,
  service: requiredText('Enter the service or site', 200),
  reportedBy: requiredText('Enter who made the report (the young person, a parent, staff)', 300),
  route: z.enum(ONLINE_ROUTES, { error: 'Say how it was reported' }),
  outcome: optionalText(4000),
});
export type OnlineReportBody = z.output<typeof onlineReportBody>;
