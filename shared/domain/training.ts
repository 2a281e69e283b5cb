import { z } from 'zod';
import { addDays } from './due';

/**
 * The DSL's refresher training (issue 22 item 4): Keeping children safe in education says the
 * designated safeguarding lead and any deputies "should undergo training … The training should
 * be updated every two years" (KCSIE 2019, paragraph 66, as quoted by Staffordshire Safeguarding
 * Children Board, https://www.staffsscb.org.uk/Training/Schools-Training/Schools-Only-Training.aspx;
 * the current edition's Annex C keeps the two years: check it). The app reminds a DSL or deputy
 * from 60 days before their date, once the DSL has recorded when they were last trained.
 */
const TRAINING_REFRESH_YEARS = 2;
const REMINDER_DAYS = 60;

export type TrainingRefresh = { trainedOn: string; dueBy: string; state: 'current' | 'due-soon' | 'overdue' };

/** Two years on from the date trained; 29 February falls back to 28 February. */
function yearsOn(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** When the refresher is due, and whether the reminder shows today. */
export function trainingRefresh(trainedOn: string, today: string): TrainingRefresh {
  const dueBy = yearsOn(trainedOn, TRAINING_REFRESH_YEARS);
  const state = dueBy < today ? 'overdue' : addDays(today, REMINDER_DAYS) >= dueBy ? 'due-soon' : 'current';
  return { trainedOn, dueBy, state };
}

/** What the school keeps (the `dslTraining` setting): each DSL's or deputy's last training date, by staff id. */
const trainingDates = z.record(z.string().regex(/^[1-9]\d*$/), z.string().regex(/^\d{4}-\d{2}-\d{2}$/));
export type TrainingDates = z.infer<typeof trainingDates>;

export function readTrainingDates(stored: string | undefined): TrainingDates {
  if (stored === undefined) return {};
  try {
    const parsed = trainingDates.safeParse(JSON.parse(stored));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
