import { z } from 'zod';
import { TRANSFER_METHODS, transferFileOptions, type PrepareTransferInput, type TransferMethod } from '../../../shared/domain/transfers/transfer';
import type { Executor } from './connection';

/** A transfer's row, with the names of the pupil and the staff who acted on it. */
const transferRow = z.object({
  id: z.number().int(),
  pupil_id: z.number().int(),
  first_name: z.string(),
  last_name: z.string(),
  receiving_school: z.string(),
  receiving_dsl: z.string(),
  receiving_contact: z.string(),
  method: z.enum(TRANSFER_METHODS),
  due_on: z.string(),
  file_options: z.string(),
  covering_letter: z.string(),
  prepared_at: z.string(),
  prepared_by_name: z.string(),
  sent_on: z.string().nullable(),
  sent_by_name: z.string().nullable(),
  package_id: z.string().nullable(),
  receipt_check: z.string().nullable(),
  received_at: z.string().nullable(),
  received_by_name: z.string().nullable(),
  acknowledged_by: z.string(),
  cancelled_at: z.string().nullable(),
  cancelled_by_name: z.string().nullable(),
  cancel_reason: z.string(),
});

export type TransferRecord = {
  id: number;
  pupilId: number;
  pupilName: string;
  receivingSchool: string;
  receivingDsl: string;
  receivingContact: string;
  method: TransferMethod;
  dueOn: string;
  fileOptions: z.output<typeof transferFileOptions>;
  coveringLetter: string;
  preparedAt: string;
  preparedBy: string;
  sentOn: string | null;
  sentBy: string | null;
  packageId: string | null;
  receiptCheck: string | null;
  receivedAt: string | null;
  receivedBy: string | null;
  acknowledgedBy: string;
  cancelledAt: string | null;
  cancelledBy: string | null;
  cancelReason: string;
};

function toTransfer(row: unknown): TransferRecord {
  const r = transferRow.parse(row);
  return {
    id: r.id,
    pupilId: r.pupil_id,
    pupilName: `${r.first_name} ${r.last_name}`,
    receivingSchool: r.receiving_school,
    receivingDsl: r.receiving_dsl,
    receivingContact: r.receiving_contact,
    method: r.method,
    dueOn: r.due_on,
    fileOptions: transferFileOptions.parse(JSON.parse(r.file_options)),
    coveringLetter: r.covering_letter,
    preparedAt: r.prepared_at,
    preparedBy: r.prepared_by_name,
    sentOn: r.sent_on,
    sentBy: r.sent_by_name,
    packageId: r.package_id,
    receiptCheck: r.receipt_check,
    receivedAt: r.received_at,
    receivedBy: r.received_by_name,
    acknowledgedBy: r.acknowledged_by,
    cancelledAt: r.cancelled_at,
    cancelledBy: r.cancelled_by_name,
    cancelReason: r.cancel_reason,
  };
}

const SELECT = `SELECT t.*, p.first_name, p.last_name,
    prep.name AS prepared_by_name, sent.name AS sent_by_name, rec.name AS received_by_name, can.name AS cancelled_by_name
  FROM transfers t
  JOIN pupils p ON p.id = t.pupil_id
  JOIN staff prep ON prep.id = t.prepared_by
  LEFT JOIN staff sent ON sent.id = t.sent_by
  LEFT JOIN staff rec ON rec.id = t.received_by
  LEFT JOIN staff can ON can.id = t.cancelled_by`;

export async function findTransfer(db: Pick<Executor, 'get'>, id: number): Promise<TransferRecord | undefined> {
  const row = await db.get(`${SELECT} WHERE t.id = ?`, [id]);
  return row ? toTransfer(row) : undefined;
}

/** Every transfer, the soonest deadline first. */
export async function listTransfers(db: Pick<Executor, 'all'>): Promise<TransferRecord[]> {
  return (await db.all(`${SELECT} ORDER BY t.due_on, t.id`)).map(toTransfer);
}

/** Transfers neither confirmed received nor cancelled: what is chased. */
export async function transfersAwaitingConfirmation(db: Pick<Executor, 'all'>): Promise<TransferRecord[]> {
  return (await db.all(`${SELECT} WHERE t.received_at IS NULL AND t.cancelled_at IS NULL ORDER BY t.due_on, t.id`)).map(toTransfer);
}

export async function insertTransfer(tx: Executor, input: PrepareTransferInput, at: string, by: number): Promise<number> {
  const { lastId } = await tx.run(
    `INSERT INTO transfers (pupil_id, receiving_school, receiving_dsl, receiving_contact, method, due_on, file_options, covering_letter, prepared_at, prepared_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [input.pupilId, input.receivingSchool, input.receivingDsl, input.receivingContact, input.method, input.dueOn, JSON.stringify(input.fileOptions), input.coveringLetter, at, by],
  );
  return lastId;
}

export async function setTransferSent(tx: Executor, id: number, sentOn: string, method: TransferMethod, by: number): Promise<void> {
  await tx.run('UPDATE transfers SET sent_on = ?, sent_by = ?, method = ? WHERE id = ?', [sentOn, by, method, id]);
}

export async function setTransferReceived(tx: Executor, id: number, at: string, by: number, acknowledgedBy: string): Promise<void> {
  await tx.run('UPDATE transfers SET received_at = ?, received_by = ?, acknowledged_by = ? WHERE id = ?', [at, by, acknowledgedBy, id]);
}

export async function setTransferCancelled(tx: Executor, id: number, at: string, by: number, reason: string): Promise<void> {
  await tx.run('UPDATE transfers SET cancelled_at = ?, cancelled_by = ?, cancel_reason = ? WHERE id = ?', [at, by, reason, id]);
}
