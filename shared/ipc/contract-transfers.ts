import { z } from 'zod';
import { leavingInput } from '../domain/leaving';
import { pupil } from '../domain/pupils';
import { cancelTransferInput, confirmReceivedInput, markSentInput, prepareTransferInput, transferView } from '../domain/transfers/transfer';
import { UNPRINTABLE_SHOWN } from '../domain/exports';
import { confirmingPassword, MIN_PASSWORD_LENGTH } from '../domain/staff';
import { none, type Spec } from './spec';

/** Leavers and transfers of their child-protection files are the DSL's and their deputies' (as editing pupils is). */
const dsls = { roles: ['dsl', 'deputy'] } as const;
const transferId = z.object({ transferId: z.number({ error: 'Choose the transfer' }).int().positive() }).strict();

/**
 * The PDF's own password (AES-256), typed twice on the screen and never stored or audited:
 * empty for a file without one. As long as an account's password (PDFKit's AES-256 checks a
 * password with one SHA-256, so its length is what resists guessing; decision 0027).
 */
const pdfPassword = z.union([z.literal(''), z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters for the file’s password`).max(128, 'Keep the file’s password to 128 characters')]);

/** Issue 20 items 1 and 2: pupils who leave, and the transfer of their child-protection file. */
export const transferChannels = {
  'pupils.markLeft': { access: dsls, input: leavingInput.strict(), output: pupil },
  'pupils.returned': { access: dsls, input: z.object({ pupilId: z.number().int().positive() }).strict(), output: pupil },
  'transfers.prepare': { access: dsls, input: prepareTransferInput.strict(), output: transferView },
  'transfers.markSent': { access: dsls, input: markSentInput.strict(), output: transferView },
  'transfers.confirmReceived': { access: dsls, input: confirmReceivedInput, output: transferView },
  'transfers.cancel': { access: dsls, input: cancelTransferInput.strict(), output: transferView },
  'transfers.list': { access: dsls, input: none, output: z.array(transferView) },
  'transfers.get': { access: dsls, input: transferId, output: transferView },
  'transfers.pdf': {
    access: dsls,
    input: z.object({ transferId: z.number().int().positive(), currentPassword: confirmingPassword, pdfPassword }).strict(),
    output: z.discriminatedUnion('saved', [
      z.object({ saved: z.literal(true), fileName: z.string(), pages: z.number().int(), bytes: z.number().int(), protectedByPassword: z.boolean(), unprintable: z.array(z.string()).max(UNPRINTABLE_SHOWN) }),
      z.object({ saved: z.literal(false) }),
    ]),
  },
} as const satisfies Record<string, Spec>;

export type { TransferView } from '../domain/transfers/transfer';
