import { z } from 'zod';
import { dateField } from '../dates';
import { optionalText } from '../text';

/**
 * The people and services a DSL rings, kept by the school (issue 19 item 3). Codes are stored
 * (decision 0020), so they never change; labels are the words a DSL uses.
 */
export const LOCAL_CONTACT_KINDS = ['front-door', 'safer-schools-officer', 'police-101', 'lado', 'head-out-of-hours', 'chair-out-of-hours', 'other'] as const;
export type LocalContactKind = (typeof LOCAL_CONTACT_KINDS)[number];

export const LOCAL_CONTACT_LABELS: Record<LocalContactKind, string> = {
  'front-door': 'MASH or children’s social care front door',
  'safer-schools-officer': 'Police safer-schools officer',
  'police-101': 'Police non-emergency (101)',
  lado: 'LADO (Local Authority Designated Officer)',
  'head-out-of-hours': 'Headteacher, out of hours',
  'chair-out-of-hours': 'Chair of governors, out of hours',
  other: 'Other contact',
};

/** What each contact is for, in a line under its name on the Contacts page and beside a form. */
export const LOCAL_CONTACT_PURPOSES: Record<LocalContactKind, string> = {
  'front-door': 'Where a referral to children’s social care goes (the MASH or front door), and for advice on whether to refer.',
  'safer-schools-officer': 'The school’s named police officer, for advice and for reports that are not an emergency.',
  'police-101': 'The local police’s non-emergency line, when the safer-schools officer cannot be reached.',
  lado: 'For concerns about an adult who works with children: a member of staff, a volunteer or a contractor.',
  'head-out-of-hours': 'To reach the headteacher outside school hours.',
  'chair-out-of-hours': 'To reach the chair of governors outside school hours, or when the concern is about the headteacher.',
  other: 'Anyone else the school rings.',
};

const LETTERS = /[\p{L}]/u;
/** 101, 999, 111 and 112 are whole numbers in the UK; anything else is a full number. */
const SERVICE_NUMBERS = new Set(['101', '999', '111', '112']);

/**
 * Why `text` is not a UK phone number, or null when it is. Spaces, hyphens and brackets are
 * how people write numbers down, so they are allowed; a number starts 0 (10 or 11 digits) or
 * +44 (then 9 or 10 digits, the leading 0 dropped), or is a shorter freephone number (080…).
 */
export function ukPhoneProblem(text: string): string | null {
  if (LETTERS.test(text)) return 'A phone number has only digits, spaces and +44: take out the letters';
  const compact = text.replace(/[\s\-()]/g, '');
  if (SERVICE_NUMBERS.has(compact)) return null;
  if (!/^\+?\d+$/.test(compact)) return 'A phone number has only digits, spaces and +44';
  if (/^(?:\+44|0)\d{9,10}$/.test(compact)) return null;
  // Freephone numbers may be shorter: Childline's is 0800 1111.
  if (/^(?:\+44|0)80\d{5,8}$/.test(compact)) return null;
  return 'Enter a UK phone number, like 01632 960 123 or +44 1632 960 123';
}

/** A phone number that may be left blank, checked as a UK number when given. */
const optionalUkPhone = z
  .string()
  .trim()
  .max(40, 'A phone number is at most 40 characters')
  .default('')
  .superRefine((text, ctx) => {
    const problem = text === '' ? null : ukPhoneProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** A local contact as the DSL types it. `checkedOn` is the school's date the details were last confirmed. */
const contactObject = z.object({
  kind: z.enum(LOCAL_CONTACT_KINDS, { error: 'Choose who this contact is' }),
  /** For "other": who they are, e.g. "Early help hub". */
  label: optionalText(120),
  name: z.string().trim().max(120, 'Keep the name to 120 characters').default(''),
  organisation: optionalText(160),
  phone: optionalUkPhone,
  otherPhone: optionalUkPhone,
  email: z
    .string()
    .trim()
    .max(200, 'Keep the email address to 200 characters')
    .default('')
    .refine((text) => text === '' || z.email().safeParse(text).success, 'Enter an email address like name@example.org'),
  notes: optionalText(2000),
  checkedOn: dateField('Enter the date you last checked these details'),
});

type ContactDraft = z.output<typeof contactObject>;

function contactRules(contact: ContactDraft, ctx: z.RefinementCtx): void {
  if (contact.kind === 'other' && contact.label === '') {
    ctx.addIssue({ code: 'custom', path: ['label'], message: 'Say who this contact is, for example “Early help hub”' });
  }
  if (contact.name === '' && contact.organisation === '') {
    ctx.addIssue({ code: 'custom', path: ['name'], message: 'Enter a name or an organisation' });
  }
  if (contact.phone === '' && contact.otherPhone === '' && contact.email === '') {
    ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Enter a phone number or an email address' });
  }
}

/** A contact to add (no `id`) or to change (its `id`), checked as a whole. */
export const savedContactInput = contactObject
  .extend({ id: z.number().int().positive().optional() })
  .strict()
  // Also when a field on its own is wrong, so the DSL is told everything missing at once.
  .superRefine(contactRules, { when: (payload) => typeof payload.value === 'object' && payload.value !== null });
export type LocalContactInput = z.input<typeof savedContactInput>;

/** A local contact as stored and shown. */
export const localContact = z.object({
  id: z.number().int(),
  kind: z.enum(LOCAL_CONTACT_KINDS),
  label: z.string(),
  name: z.string(),
  organisation: z.string(),
  phone: z.string(),
  otherPhone: z.string(),
  email: z.string(),
  notes: z.string(),
  checkedOn: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type LocalContact = z.output<typeof localContact>;

/** How a contact is named on a page: its own label when "other", else its kind's. */
export function contactTitle(contact: Pick<LocalContact, 'kind' | 'label'>): string {
  return contact.kind === 'other' ? contact.label : LOCAL_CONTACT_LABELS[contact.kind];
}

/** The fields of a contact as the form labels them (the audit names changed fields with these). */
export const CONTACT_FIELD_LABELS: Record<keyof LocalContactInput, string> = {
  id: 'Contact',
  kind: 'Who this is',
  label: 'Who they are',
  name: 'Name',
  organisation: 'Organisation',
  phone: 'Phone',
  otherPhone: 'Other phone',
  email: 'Email',
  notes: 'Notes',
  checkedOn: 'Last checked',
};

/** Only the names of the fields that changed, for the audit: never a number, address or note. */
export function changedContactFields(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(after).filter((field) => before[field] !== after[field]);
}
