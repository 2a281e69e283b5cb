import { z } from 'zod';
import { optionalText, requiredText } from '../text';
import { aboutPeople } from './common';

/**
 * How a report was made. Codes are stored in signed entries, so they never change; labels
 * follow the current routes (decision 0021; docs/guidance-2024.md S3 to S5). Take It Down
 * came after the 2016 advice's Annex D.
 */
export const ONLINE_ROUTES = ['service', 'childline-iwf', 'take-it-down', 'ceop', 'other'] as const;
export const ONLINE_ROUTE_LABELS: Record<(typeof ONLINE_ROUTES)[number], string> = {
  service: 'The service’s own reporting tool',
  'childline-iwf': 'Report Remove (Childline and the Internet Watch Foundation)',
  'take-it-down': 'Take It Down (NCMEC): for an image of someone under 18, used by the young person on their own device',
  ceop: 'CEOP Safety Centre (NCA): strangers, grooming, online blackmail',
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
