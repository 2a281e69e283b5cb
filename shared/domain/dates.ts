import { z } from 'zod';

/** The school's time zone: dates and times are typed and shown in it, stored in UTC. */
const SCHOOL_TIME_ZONE = 'Europe/London';

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as day, month and year')
  .refine((value) => isRealDate(value), 'Enter a real date');

/** A required date with the words to show when it is missing. */
export function dateField(missing: string) {
  return z
    .string({ error: missing })
    .min(1, missing)
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as day, month and year')
    .refine((value) => isRealDate(value), 'Enter a real date');
}

/** A required time of day (24-hour hh:mm) with the words to show when it is missing. */
export function timeField(missing: string) {
  return z
    .string({ error: missing })
    .min(1, missing)
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time as hours and minutes, for example 14:05');
}

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: SCHOOL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function londonParts(instant: Date): { date: string; time: string; offsetMs: number } {
  const parts = Object.fromEntries(partsFormatter.formatToParts(instant).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    offsetMs: asUtc - Math.floor(instant.getTime() / 1000) * 1000,
  };
}

/** The UTC instant of a date and time on the school's clock (BST or GMT as it was then). */
export function schoolTimeToUtc(date: string, time: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  // Two passes settle the offset either side of a clock change.
  let instant = naive - londonParts(new Date(naive)).offsetMs;
  instant = naive - londonParts(new Date(instant)).offsetMs;
  return new Date(instant).toISOString();
}

/** The school-clock date and time of a stored UTC instant, for filling in a form. */
export function utcToSchoolTime(iso: string): { date: string; time: string } {
  const { date, time } = londonParts(new Date(iso));
  return { date, time };
}

/** Today's date on the school's clock. */
export function schoolToday(now: Date = new Date()): string {
  return londonParts(now).date;
}

// Made once: building an Intl.DateTimeFormat costs far more than formatting with one.
const calendarDateFormatter = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });
const dateFormatter = new Intl.DateTimeFormat('en-GB', { timeZone: SCHOOL_TIME_ZONE, day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: SCHOOL_TIME_ZONE,
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "23 Nov 2026" from "2026-11-23" (a calendar date, no zone) or from a UTC instant. */
export function formatDate(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    return calendarDateFormatter.format(new Date(Date.UTC(y, m - 1, d)));
  }
  return dateFormatter.format(new Date(value));
}

/** "23 Nov 2026, 14:05" on the school's clock. */
export function formatDateTime(iso: string): string {
  return dateTimeFormatter.format(new Date(iso));
}

/** Whole years completed on `onDate` by someone born on `dateOfBirth` (both yyyy-mm-dd). */
export function ageOn(dateOfBirth: string, onDate: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/** An entry counts as backdated when it was recorded more than a day after it happened. */
const BACKDATED_AFTER_HOURS = 24;

export function isBackdated(occurredAt: string, recordedAt: string): boolean {
  return Date.parse(recordedAt) - Date.parse(occurredAt) > BACKDATED_AFTER_HOURS * 3_600_000;
}
