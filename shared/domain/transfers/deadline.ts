import { addDays } from '../due';

/**
 * When a child-protection file must reach the new school (issue 20). Keeping Children Safe in
 * Education (the DSL's role in managing the child protection file), as quoted by local
 * safeguarding partnerships (the 2025 edition's own text was not in the searchable store; the
 * wording has been the same since KCSIE 2022, see decision 0027), e.g.
 * https://bristolsafeguardingineducation.org/resources-and-guidance/resources-for-strategic-safeguarding/transfer-of-safeguarding-and-child-protection-files
 * and https://www.devon.gov.uk/support-schools-settings/safeguarding/guidance-policy-and-tools-2/safeguarding-one-minute-guides/safeguarding-no-6-transfer-of-cp-safeguarding-files):
 * "transferred to the new school or college as soon as possible, and within 5 days for an
 * in-year transfer or within the first 5 days of the start of a new term".
 *
 * Days are counted as school days, Monday to Friday. What the rule does not know: the school's
 * term dates, bank holidays and INSET days. So an in-year deadline that falls across a
 * half-term holiday is earlier than it need be, and for a pupil leaving at the end of a term
 * the DSL gives the date the new term starts. The DSL can always change the date.
 */
export type TransferTiming = 'in-year' | 'new-term';

/** The KCSIE number of days, counted as school days. */
const TRANSFER_SCHOOL_DAYS = 5;

function weekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

function isSchoolDay(date: string): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6;
}

/** The `n`th school day after `date` (not counting `date` itself). */
function schoolDaysAfter(date: string, n: number): string {
  let day = date;
  for (let counted = 0; counted < n; ) {
    day = addDays(day, 1);
    if (isSchoolDay(day)) counted++;
  }
  return day;
}

/**
 * The deadline: in-year, the fifth school day after the day the pupil left; for a new term,
 * the fifth school day of the term, counting its first day (`from` is then the date the new
 * term starts; a term said to start on a weekend starts on the Monday).
 */
export function transferDeadline(from: string, timing: TransferTiming): string {
  if (timing === 'in-year') return schoolDaysAfter(from, TRANSFER_SCHOOL_DAYS);
  const firstDay = isSchoolDay(from) ? from : schoolDaysAfter(from, 1);
  return schoolDaysAfter(firstDay, TRANSFER_SCHOOL_DAYS - 1);
}
