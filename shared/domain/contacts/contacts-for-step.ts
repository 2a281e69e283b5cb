import type { EntryKind } from '../entries/kinds';
import type { LocalContactKind } from './local-contacts';
import type { NationalServiceCode } from './national-services';

/** The contacts a step needs, shown beside its form: the school's own, then national services. */
export type ContactsForStep = {
  local: readonly LocalContactKind[];
  national: readonly NationalServiceCode[];
  /** Whether 999 is shown first: the step may meet a child in immediate danger. */
  emergency: boolean;
};

/**
 * Which contacts each entry form shows beside it (issue 19 item 3). One table, read by the
 * entry-form shell, so no form carries its own list. No form records a decision about an
 * adult's conduct yet, so the LADO appears on the Contacts page only.
 */
export const CONTACTS_FOR_KIND: Partial<Record<EntryKind, ContactsForStep>> = {
  'police-report': { local: ['safer-schools-officer', 'police-101'], national: [], emergency: true },
  'social-care': { local: ['front-door'], national: [], emergency: false },
  // docs/guidance-2024.md S3 to S5: the routes for getting an image removed and reporting abuse online.
  'online-report': { local: [], national: ['report-remove', 'take-it-down', 'ceop', 'iwf', 'posh'], emergency: false },
  // The NCA-CEOP alert (29 April 2024): report to the police or CEOP; help the young person get images removed.
  extortion: { local: ['safer-schools-officer', 'police-101'], national: ['ceop', 'report-remove', 'take-it-down'], emergency: true },
};

export function contactsForKind(kind: EntryKind): ContactsForStep | undefined {
  return CONTACTS_FOR_KIND[kind];
}
