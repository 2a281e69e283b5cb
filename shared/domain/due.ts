import { missingSignatures, type LatestEntry } from './completeness';
import { actionOverdue } from './entries/action';
import { latestReviewOf, type ReviewOfDecision } from './entries/decision-review';
import { deletionOverdue } from './entries/deletion';
import { ENTRY_KIND_DEFINITIONS } from './entries/kinds';
import { firstLineOf, signatoryInWords } from './phrases';
import type { DueItem } from './read-models/due';
import type { Role } from './staff';

/**
 * What is due across the open incidents (issue 19): the rules of what counts, when it is
 * overdue, who owns it and the order it is shown in. The core gathers the records; the
 * screens sort and filter with the same functions.
 */

type DueKind = DueItem['kind'];

type Incident = { id: number; reference: string };
/** An entry's latest version on an open incident, with its id. */
type CurrentEntry = LatestEntry & { entryId: number };
type StaffName = (id: number) => string | undefined;

const ANYONE = 'Anyone';

function base(incident: Incident, entryId: number, kind: DueKind) {
  return { key: `${kind}-${entryId}`, kind, incidentId: incident.id, reference: incident.reference, entryId, action: null };
}

function amendLink(incident: Incident, entryId: number): string {
  return `/incidents/${incident.id}/entries/${entryId}/amend`;
}

function owner(need: { staffId?: number; role?: Role } | null, staffName: StaffName) {
  if (need === null || (need.staffId === undefined && need.role === undefined)) return { ownerStaffId: null, ownerRole: null, ownerWords: ANYONE };
  const words = signatoryInWords(need, staffName);
  return { ownerStaffId: need.staffId ?? null, ownerRole: need.staffId === undefined ? (need.role ?? null) : null, ownerWords: words.charAt(0).toUpperCase() + words.slice(1) };
}

function isRole(value: string | undefined): value is Role {
  return value === 'dsl' || value === 'deputy' || value === 'head';
}

/**
 * Everything due on one open incident: actions not yet done, deletions not yet confirmed,
 * signatures still awaited (completeness's `missingSignatures`, the dashboard's rule), the
 * latest review date of the decision, and devices the school still holds.
 */
export function dueOfIncident(incident: Incident, entries: readonly CurrentEntry[], staffName: StaffName, today: string): DueItem[] {
  const items: DueItem[] = [];
  const reviews: (ReviewOfDecision & { entryId: number })[] = [];
  for (const entry of entries) {
    const { entryId } = entry;
    if (entry.kind === 'action' && entry.body.completedOn === '') {
      const ownerId = entry.body.owner;
      items.push({
        ...base(incident, entryId, 'action'),
        what: firstLineOf(entry.body.description),
        ...owner(ownerId === undefined ? null : { staffId: ownerId }, staffName),
        dueOn: entry.body.dueOn,
        now: false,
        overdue: actionOverdue(entry.body, today),
        link: amendLink(incident, entryId),
        action: { occurredAt: entry.occurredAt, body: entry.body },
      });
    }
    // Section 2: pupils asked to delete by a deadline confirm they have; a staff search is done once recorded.
    if (entry.kind === 'deletion' && entry.body.mode === 'pupils-asked' && entry.body.confirmedOn === '') {
      items.push({
        ...base(incident, entryId, 'deletion'),
        what: `Confirm deletion by ${entry.body.pupils}`,
        ...owner(null, staffName),
        dueOn: entry.body.deadline,
        now: false,
        overdue: deletionOverdue(entry.body, today),
        link: amendLink(incident, entryId),
      });
    }
    if (entry.kind === 'device' && entry.body.outcome === 'held') {
      items.push({
        ...base(incident, entryId, 'device'),
        what: `Device held: ${entry.body.description}`,
        ...owner(null, staffName),
        dueOn: '',
        now: false,
        overdue: false,
        link: amendLink(incident, entryId),
      });
    }
    if (entry.kind === 'decision-review' || entry.kind === 'initial-review') reviews.push({ entryId, occurredAt: entry.occurredAt, body: entry.body });
    for (const need of missingSignatures(entry)) {
      items.push({
        ...base(incident, entryId, 'signature'),
        key: `signature-${entryId}-${need.meaning}`,
        what: `Sign the ${ENTRY_KIND_DEFINITIONS[entry.kind].label.toLowerCase()}`,
        ...owner({ ...(need.staffId === undefined ? {} : { staffId: need.staffId }), ...(isRole(need.role) ? { role: need.role } : {}) }, staffName),
        dueOn: '',
        now: true,
        overdue: false,
        link: `/incidents/${incident.id}`,
      });
    }
  }
  // Only the latest look at the decision counts: recording a review moves the date on.
  const latest = latestReviewOf(reviews);
  const reviewBy = latest?.body.nextReviewBy ?? '';
  if (latest && reviewBy !== '') {
    items.push({
      ...base(incident, latest.entryId, 'review'),
      key: `review-${incident.id}`,
      what: 'Review the decision',
      ...owner({ role: 'dsl' }, staffName),
      dueOn: reviewBy,
      now: false,
      overdue: reviewBy < today,
      link: `/incidents/${incident.id}/record/decision-review`,
    });
  }
  return items;
}

/** The backup, when none good has been made in the last seven days (the dashboard's `lastBackup`). */
export function backupDue(lastBackup: { at: string | null; folderChosen: boolean; recent: boolean }): DueItem | null {
  if (lastBackup.folderChosen && lastBackup.recent) return null;
  const lastOn = lastBackup.at?.slice(0, 10) ?? '';
  return {
    key: 'backup',
    kind: 'backup',
    what: lastBackup.folderChosen ? 'Back up the records (no backup in the last 7 days)' : 'Choose a backup folder and back up the records',
    incidentId: null,
    reference: null,
    entryId: null,
    ownerStaffId: null,
    ownerRole: 'dsl',
    ownerWords: 'A DSL',
    dueOn: lastOn === '' ? '' : addDays(lastOn, 7),
    now: lastOn === '',
    overdue: true,
    link: '/backups',
    action: null,
  };
}

/**
 * A child-protection file not yet confirmed received (issue 20): to send, or to chase once
 * sent; overdue after its deadline (KCSIE's five days, decision 0027). Named by the pupil, as
 * the DSL knows the transfer.
 */
export function transferDue(t: { id: number; pupilName: string; receivingSchool: string; dueOn: string; sentOn: string | null }, today: string): DueItem {
  return {
    key: `transfer-${t.id}`,
    kind: 'transfer',
    what: t.sentOn === null ? `Transfer ${t.pupilName}’s child-protection file to ${t.receivingSchool}` : `Confirm ${t.receivingSchool} received ${t.pupilName}’s child-protection file`,
    incidentId: null,
    reference: null,
    entryId: null,
    ownerStaffId: null,
    ownerRole: 'dsl',
    ownerWords: 'A DSL',
    dueOn: t.dueOn,
    now: false,
    overdue: t.dueOn < today,
    link: `/transfers/${t.id}`,
    action: null,
  };
}

/** A calendar date `days` later (or earlier), counted on the calendar, not in hours. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * Soonest first: what is overdue (oldest date first), then what is due now with no date,
 * then dated items to come, then those with no date at all (a device held).
 */
function rank(item: DueItem): number {
  if (item.overdue && item.dueOn !== '') return 0;
  if (item.overdue || item.now) return 1;
  return item.dueOn !== '' ? 2 : 3;
}

export type DueOrder = 'soonest' | 'latest';

export function sortDue(items: readonly DueItem[], order: DueOrder = 'soonest'): DueItem[] {
  const sorted = [...items].sort((a, b) => rank(a) - rank(b) || a.dueOn.localeCompare(b.dueOn) || (a.reference ?? '').localeCompare(b.reference ?? '') || a.key.localeCompare(b.key));
  return order === 'soonest' ? sorted : sorted.reverse();
}

/** Whether `person` owns an item by name or by a role they hold; an item anyone may do belongs to nobody in particular. */
function ownedBy(item: Pick<DueItem, 'ownerStaffId' | 'ownerRole'>, person: { id: number; roles: readonly Role[] }): boolean {
  if (item.ownerStaffId !== null) return item.ownerStaffId === person.id;
  return item.ownerRole !== null && person.roles.includes(item.ownerRole);
}

/** The owner filter: a member of staff (what they own by name or role), or what anyone may do. */
type OwnerFilter = { staffId: number } | 'anyone';
export type DueFilter = { owner?: OwnerFilter; incidentId?: number };

export function filterDue(items: readonly DueItem[], filter: DueFilter, staff: readonly { id: number; roles: readonly Role[] }[]): DueItem[] {
  const { owner: wanted, incidentId } = filter;
  const person = wanted !== undefined && wanted !== 'anyone' ? (staff.find((s) => s.id === wanted.staffId) ?? { id: wanted.staffId, roles: [] }) : null;
  return items.filter((item) => {
    if (incidentId !== undefined && item.incidentId !== incidentId) return false;
    if (wanted === 'anyone') return item.ownerStaffId === null && item.ownerRole === null;
    return person === null || ownedBy(item, person);
  });
}

/** The dashboard's "Due in the next 7 days": everything overdue or due now, and dates up to a week from today. */
export function dueWithin(items: readonly DueItem[], today: string, days: number): DueItem[] {
  const until = addDays(today, days);
  return sortDue(items.filter((item) => item.overdue || item.now || (item.dueOn !== '' && item.dueOn <= until)));
}

/** What the home page lists of them: not the backup, which the home page's own Backups panel shows whenever it is due. */
export function forHomePage(items: readonly DueItem[]): DueItem[] {
  return items.filter((item) => item.kind !== 'backup');
}

/** The sign-in reminder: what is overdue and owned by the person signing in. */
export function overdueFor(items: readonly DueItem[], person: { id: number; roles: readonly Role[] }): DueItem[] {
  return sortDue(items.filter((item) => item.overdue && ownedBy(item, person)));
}

/** How a date is said on the page: "now" for something overdue or due with no date of its own. */
export function dueWords(item: Pick<DueItem, 'dueOn' | 'now' | 'overdue'>, formatDate: (date: string) => string): string {
  if (item.dueOn === '') return item.now || item.overdue ? 'now' : 'no date';
  return formatDate(item.dueOn);
}
