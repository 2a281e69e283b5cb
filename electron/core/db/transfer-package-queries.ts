import { z } from 'zod';
import type { Executor } from './connection';

/** What making a package needs of a transfer (the row itself is A's: transfers.prepare writes it). */
export type TransferForPackage = {
  id: number;
  pupilId: number;
  receivingSchool: string;
  /** The transfer's choices for the file, as JSON: which other children are named, entries about others. */
  fileOptions: string;
  packageId: string | null;
  cancelled: boolean;
};

const transferRow = z.object({
  id: z.number().int(),
  pupil_id: z.number().int(),
  receiving_school: z.string(),
  file_options: z.string(),
  package_id: z.string().nullable(),
  cancelled_at: z.string().nullable(),
});

export async function findTransferForPackage(db: Pick<Executor, 'get'>, transferId: number): Promise<TransferForPackage | undefined> {
  const row = await db.get('SELECT id, pupil_id, receiving_school, file_options, package_id, cancelled_at FROM transfers WHERE id = ?', [transferId]);
  if (!row) return undefined;
  const r = transferRow.parse(row);
  return { id: r.id, pupilId: r.pupil_id, receivingSchool: r.receiving_school, fileOptions: r.file_options, packageId: r.package_id, cancelled: r.cancelled_at !== null };
}

/** The package made for a transfer, and the hash of the receipt code that will prove it was opened. */
export async function setTransferPackage(tx: Executor, transferId: number, packageId: string, receiptCheck: string): Promise<void> {
  await tx.run('UPDATE transfers SET package_id = ?, receipt_check = ? WHERE id = ?', [packageId, receiptCheck, transferId]);
}

/** A received file as stored: its content exactly as it came. */
export type ReceivedFileRow = {
  id: number;
  pupilId: number;
  packageId: string;
  sendingSchool: string;
  sentAt: string;
  content: string;
  contentHash: string;
  receiptCode: string;
  importedAt: string;
  importedByName: string;
};

const receivedRow = z.object({
  id: z.number().int(),
  pupil_id: z.number().int(),
  package_id: z.string(),
  sending_school: z.string(),
  sent_at: z.string(),
  content: z.string(),
  content_hash: z.string(),
  receipt_code: z.string(),
  imported_at: z.string(),
  imported_by_name: z.string().nullable(),
});

const SELECT_RECEIVED = `SELECT r.id, r.pupil_id, r.package_id, r.sending_school, r.sent_at, r.content, r.content_hash, r.receipt_code, r.imported_at, s.name AS imported_by_name
  FROM received_files r LEFT JOIN staff s ON s.id = r.imported_by`;

function toReceived(row: unknown): ReceivedFileRow {
  const r = receivedRow.parse(row);
  return {
    id: r.id,
    pupilId: r.pupil_id,
    packageId: r.package_id,
    sendingSchool: r.sending_school,
    sentAt: r.sent_at,
    content: r.content,
    contentHash: r.content_hash,
    receiptCode: r.receipt_code,
    importedAt: r.imported_at,
    importedByName: r.imported_by_name ?? '',
  };
}

export async function findReceivedFile(db: Pick<Executor, 'get'>, id: number): Promise<ReceivedFileRow | undefined> {
  const row = await db.get(`${SELECT_RECEIVED} WHERE r.id = ?`, [id]);
  return row ? toReceived(row) : undefined;
}

export async function findReceivedFileByPackage(db: Pick<Executor, 'get'>, packageId: string): Promise<ReceivedFileRow | undefined> {
  const row = await db.get(`${SELECT_RECEIVED} WHERE r.package_id = ?`, [packageId]);
  return row ? toReceived(row) : undefined;
}

/** Received files, newest first: of one pupil, or all of them. */
export async function listReceivedFiles(db: Pick<Executor, 'all'>, pupilId?: number): Promise<ReceivedFileRow[]> {
  const rows = pupilId === undefined ? await db.all(`${SELECT_RECEIVED} ORDER BY r.imported_at DESC, r.id DESC`) : await db.all(`${SELECT_RECEIVED} WHERE r.pupil_id = ? ORDER BY r.imported_at DESC, r.id DESC`, [pupilId]);
  return rows.map(toReceived);
}

export type NewReceivedFile = Omit<ReceivedFileRow, 'id' | 'importedByName'> & { importedBy: number };

export async function insertReceivedFile(tx: Executor, file: NewReceivedFile): Promise<number> {
  const { lastId } = await tx.run(
    `INSERT INTO received_files (pupil_id, package_id, sending_school, sent_at, content, content_hash, receipt_code, imported_at, imported_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [file.pupilId, file.packageId, file.sendingSchool, file.sentAt, file.content, file.contentHash, file.receiptCode, file.importedAt, file.importedBy],
  );
  return lastId;
}

/** When the pupil left (migration 015), or null while on roll. */
export async function pupilLeftOn(db: Pick<Executor, 'get'>, pupilId: number): Promise<string | null> {
  const row = await db.get('SELECT left_on FROM pupils WHERE id = ?', [pupilId]);
  return z.object({ left_on: z.string().nullable() }).parse(row).left_on;
}
