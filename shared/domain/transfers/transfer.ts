import { z } from 'zod';
import { dateField, formatDate } from '../dates';
import { OTHER_ENTRIES_CHOICES } from '../exports';
import { TRANSFER_STATES } from './state';

/**
 * A transfer of a child-protection file (issue 20): to whom, how and by when, what goes with
 * it, and how its receipt was confirmed. Decision 0027.
 */
export const TRANSFER_METHODS = ['secure-email', 'hand-delivered', 'receiving-system'] as const;
export type TransferMethod = (typeof TRANSFER_METHODS)[number];

export const TRANSFER_METHOD_LABELS: Record<TransferMethod, string> = {
  'secure-email': 'Secure email',
  'hand-delivered': 'Hand-delivered (an encrypted file or sealed copy)',
  'receiving-system': 'The receiving school’s own system',
};

const id = (what: string) => z.number({ error: `Choose the ${what}` }).int().positive();
const text = (max: number) => z.string().trim().max(max, `Keep this to ${max.toLocaleString('en-GB')} characters`);
const required = (missing: string, max: number) => text(max).min(1, missing);

/** Which children are named in the file sent, as on the export page (exports.options' children). */
export const transferFileOptions = z.object({
  namedChildren: z.array(z.string().regex(/^(pupil|person):[1-9]\d*$/)).max(500),
  otherEntries: z.enum(OTHER_ENTRIES_CHOICES).default('include'),
});
export type TransferFileOptions = z.output<typeof transferFileOptions>;

export const prepareTransferInput = z.object({
  pupilId: id('pupil'),
  receivingSchool: required('Enter the receiving school', 200),
  receivingDsl: required('Enter the name of the receiving school’s DSL', 120),
  receivingContact: required('Enter how to reach them: a secure email address or a postal address', 500),
  method: z.enum(TRANSFER_METHODS, { error: 'Choose how the file will be sent' }),
  dueOn: dateField('Enter the deadline'),
  fileOptions: transferFileOptions,
  coveringLetter: required('Write the covering letter', 10_000),
});
export type PrepareTransferInput = z.output<typeof prepareTransferInput>;

export const markSentInput = z.object({
  transferId: id('transfer'),
  sentOn: dateField('Enter the date it was sent'),
  method: z.enum(TRANSFER_METHODS, { error: 'Choose how the file was sent' }),
});

/** Either the receipt code from the package, or (a PDF sent) who at the receiving school acknowledged it and when. */
export const confirmReceivedInput = z.discriminatedUnion('by', [
  z.object({ by: z.literal('code'), transferId: id('transfer'), code: required('Enter the receipt code', 40) }).strict(),
  z
    .object({
      by: z.literal('acknowledgement'),
      transferId: id('transfer'),
      acknowledgedBy: required('Enter who acknowledged it', 200),
      acknowledgedOn: dateField('Enter the date they acknowledged it'),
    })
    .strict(),
]);

export const cancelTransferInput = z.object({ transferId: id('transfer'), reason: required('Give the reason for cancelling', 1000) });

/** A transfer as the screens show it. */
export const transferView = z.object({
  id: z.number().int(),
  pupilId: z.number().int(),
  pupilName: z.string(),
  receivingSchool: z.string(),
  receivingDsl: z.string(),
  receivingContact: z.string(),
  method: z.enum(TRANSFER_METHODS),
  dueOn: z.string(),
  fileOptions: transferFileOptions,
  coveringLetter: z.string(),
  preparedAt: z.string(),
  preparedBy: z.string(),
  sentOn: z.string().nullable(),
  sentBy: z.string().nullable(),
  /** A transfer package was made for it (its receipt code can confirm it). */
  hasPackage: z.boolean(),
  receivedAt: z.string().nullable(),
  receivedBy: z.string().nullable(),
  acknowledgedBy: z.string(),
  cancelledAt: z.string().nullable(),
  cancelledBy: z.string().nullable(),
  cancelReason: z.string(),
  state: z.enum(TRANSFER_STATES),
});
export type TransferView = z.output<typeof transferView>;

/**
 * The covering letter's first draft, for the DSL to edit: who the pupil is, what is enclosed,
 * how to confirm receipt, and who sends it.
 */
export function coveringLetterDraft(facts: {
  pupilName: string;
  dateOfBirth: string;
  leftOn: string | null;
  receivingDsl: string;
  receivingSchool: string;
  senderName: string;
  senderSchool: string;
  incidentCount: number;
}): string {
  const greeting = facts.receivingDsl.trim() === '' ? 'Dear Designated Safeguarding Lead,' : `Dear ${facts.receivingDsl.trim()},`;
  const left = facts.leftOn ? `, who left ${facts.senderSchool} on ${formatDate(facts.leftOn)}` : '';
  const records = facts.incidentCount === 1 ? '1 incident' : `${facts.incidentCount} incidents`;
  return [
    greeting,
    `Child-protection file: ${facts.pupilName}, born ${formatDate(facts.dateOfBirth)}${left}.`,
    `I enclose ${facts.pupilName}’s child-protection file from ${facts.senderSchool}${facts.receivingSchool.trim() === '' ? '' : ` for ${facts.receivingSchool.trim()}`}, sent separately from the main pupil file as Keeping Children Safe in Education asks. It holds the record of ${records} about sharing nudes or semi-nudes, with every entry, decision and action recorded, as printed from our records system.`,
    'Please confirm that you have received it, by replying to me with the date and your name, or with the receipt code your system shows if you received it as a transfer package. If the file is protected by a password, I will give you the password separately, by telephone.',
    'Please contact me if you need anything more to support the pupil when they arrive.',
    'Yours sincerely,',
    `${facts.senderName}\nDesignated Safeguarding Lead, ${facts.senderSchool}`,
  ].join('\n\n');
}
