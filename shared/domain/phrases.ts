import { formatDate } from './dates';
import type { ActionBody } from './entries/action';
import type { DisclosureBody } from './entries/disclosure';
import type { ReferTo } from './entries/initial-review';
import type { OnlineReportBody } from './entries/online-report';
import type { PoliceReportBody } from './entries/police-report';
import type { SignatureMeaning } from './signatures';
import { SIGNATURE_MEANINGS } from './signatures';

// Sentences the app builds from parts, one function each, so that every screen and PDF says
// the same thing in written English. The option labels on forms start with a capital and
// sometimes explain themselves ("for example…"); inside a sentence they need their own words.

/** "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** Ends a sentence once: no "report.." or "report.:". */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** A phrase that may already end a sentence, for use inside a longer one. */
function withoutFinalStop(text: string): string {
  return text.trim().replace(/[.!?]+$/, '');
}

const REFER_TO_IN_SENTENCE: Record<ReferTo, string> = {
  police: 'the police',
  'social-care': 'children’s social care',
  mash: 'the Multi-Agency Safeguarding Hub (MASH)',
};

/** "the police and children’s social care". */
export function referralTargets(referTo: readonly ReferTo[]): string {
  return listInWords(referTo.map((t) => REFER_TO_IN_SENTENCE[t]));
}

/** The initial review's decision as a phrase: "Refer to the police and the MASH". */
export function decisionInWords(decision: 'refer' | 'manage-in-school', referTo: readonly ReferTo[]): string {
  return decision === 'refer' ? `Refer to ${referralTargets(referTo)}` : 'Manage the incident in school, without referring';
}

/** Who a signature is awaited from, to follow "the signature of": a name, "the headteacher", "a DSL". */
export function signatoryInWords(need: { staffId?: number; role?: string }, staffName: (id: number) => string | undefined): string {
  if (need.staffId !== undefined) return staffName(need.staffId) ?? 'the member of staff named in the record';
  if (need.role === 'head') return 'the headteacher';
  if (need.role === 'dsl') return 'a DSL';
  if (need.role === 'deputy') return 'a deputy DSL';
  return 'a member of staff';
}

/** "Awaiting the signature of the headteacher: “I authorise the decision not to refer”". */
export function awaitingSignatureLine(from: string, meaning: SignatureMeaning): string {
  return `Awaiting the signature of ${from}: “${SIGNATURE_MEANINGS[meaning]}”`;
}

const POLICE_ROUTE_IN_SENTENCE: Record<PoliceReportBody['route'], string> = {
  'safer-schools-officer': 'the safer schools officer',
  pcso: 'a police community support officer',
  neighbourhood: 'the local neighbourhood police',
  '101': 'a call to 101',
  '999': 'a 999 call',
  other: 'another route',
};

/** "Reported to PC Ash (collar 4471) through the safer schools officer. Crime reference: CR/2026/0042." */
export function policeReportSummary(b: PoliceReportBody): string {
  const reference = b.crimeReference
    ? `Crime reference: ${b.crimeReference}.`
    : b.noCrimeReference
      ? `No crime reference was given: ${asSentence(b.noCrimeReferenceReason)}`
      : 'Crime reference not yet recorded.';
  return `Reported to ${withoutFinalStop(b.toWhom)} through ${POLICE_ROUTE_IN_SENTENCE[b.route]}. ${reference}`;
}

const ONLINE_ROUTE_IN_SENTENCE: Record<OnlineReportBody['route'], string> = {
  service: 'the service’s own reporting tool',
  'childline-iwf': 'Report Remove (Childline and the Internet Watch Foundation)',
  'take-it-down': 'Take It Down (NCMEC)',
  ceop: 'the CEOP Safety Centre (NCA)',
  other: 'another route',
};

/** "Snapchat reported through the service’s own reporting tool by the young person." */
export function onlineReportSummary(b: OnlineReportBody): string {
  return asSentence(`${b.service} reported through ${ONLINE_ROUTE_IN_SENTENCE[b.route]} by ${withoutFinalStop(b.reportedBy)}`);
}

const DISCLOSURE_SOURCE_IN_SENTENCE: Record<DisclosureBody['source'], string> = {
  young_person: 'The young person affected',
  friend: 'A friend or another pupil',
  parent: 'A parent or carer',
  staff: 'A member of staff',
  other: 'Someone else',
};

const DISCLOSURE_MEANS_IN_SENTENCE: Record<DisclosureBody['means'], string> = {
  in_person: 'in person',
  phone: 'by phone',
  email: 'by email or letter',
  online_report: 'through the school’s reporting system',
  other: 'in another way',
};

/** "A parent or carer (Jo Brackenbury) told the form tutor by phone." */
export function disclosureSummary(b: DisclosureBody): string {
  const who = `${DISCLOSURE_SOURCE_IN_SENTENCE[b.source]}${b.sourceName ? ` (${b.sourceName})` : ''}`;
  return asSentence(`${who} told ${withoutFinalStop(b.toldTo)} ${DISCLOSURE_MEANS_IN_SENTENCE[b.means]}`);
}

const ACTION_TYPE_SHORT: Record<ActionBody['type'], string> = {
  sanction: 'Sanction',
  education: 'Education or advice',
  'support-referral': 'Referral for support',
  'inter-agency-meeting': 'Inter-agency meeting',
  'follow-up': 'Follow-up',
};

/** The first line of a description, cut at a word near `max` characters. */
export function firstLineOf(text: string, max = 90): string {
  const line = (text.split('\n').find((l) => l.trim() !== '') ?? '').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

/** "Follow-up: ring the MASH back about the referral. Due 4 Dec 2026." — says what the action is. */
export function actionSummary(b: ActionBody): string {
  const what = `${ACTION_TYPE_SHORT[b.type]}: ${asSentence(firstLineOf(b.description))}`;
  if (b.completedOn) return `${what} Done ${formatDate(b.completedOn)}.`;
  if (b.dueOn) return `${what} Due ${formatDate(b.dueOn)}.`;
  return what;
}

/** One overdue item: "Send the written report to the MASH — due 4 Dec 2026". */
export function overdueLine(what: string, dueOn: string): string {
  return `${withoutFinalStop(what)} — due ${formatDate(dueOn)}`;
}
