import { z } from 'zod';
import { ENTRY_KINDS, type EntryKind } from '../../../shared/domain/entries/kinds';
import { SIGNATURE_MEANING_KEYS, type SignatureMeaning } from '../../../shared/domain/signatures';
import type { Executor } from './connection';
import { groupBy } from './group-rows';
import { countRow, jsonObject } from './row-schemas';

const incidentIdRow = z.object({ incident_id: z.number().int() });

const entryRow = z.object({
  id: z.number().int(),
  entry_key: z.string(),
  incident_id: z.number().int(),
  kind: z.enum(ENTRY_KINDS),
  version: z.number().int(),
  supersedes: z.number().int().nullable(),
  occurred_at: z.string(),
  recorded_at: z.string(),
  author_id: z.number().int(),
  author_name: z.string(),
  body: z.string(),
  amendment_reason: z.string().nullable(),
  content_hash: z.string(),
  latest: z.number().int(),
});

export type EntryRecord = {
  id: number;
  entryKey: string;
  incidentId: number;
  kind: EntryKind;
  version: number;
  supersedesId: number | null;
  occurredAt: string;
  recordedAt: string;
  authorId: number;
  authorName: string;
  body: Record<string, unknown>;
  amendmentReason: string | null;
  contentHash: string;
  latest: boolean;
};

function toEntry(row: unknown): EntryRecord {
  const r = entryRow.parse(row);
  return {
    id: r.id,
    entryKey: r.entry_key,
    incidentId: r.incident_id,
    kind: r.kind,
    version: r.version,
    supersedesId: r.supersedes,
    occurredAt: r.occurred_at,
    recordedAt: r.recorded_at,
    authorId: r.author_id,
    authorName: r.author_name,
    body: jsonObject.parse(JSON.parse(r.body)),
    amendmentReason: r.amendment_reason,
    contentHash: r.content_hash,
    latest: r.latest === 1,
  };
}

const ENTRY_SELECT = `SELECT e.*, s.name AS author_name,
  NOT EXISTS (SELECT 1 FROM entries n WHERE n.supersedes = e.id) AS latest
  FROM entries e JOIN staff s ON s.id = e.author_id`;

/** Every version of every entry on an incident, in the order things happened. */
export async function entriesOfIncident(db: Pick<Executor, 'all'>, incidentId: number): Promise<EntryRecord[]> {
  const rows = await db.all(`${ENTRY_SELECT} WHERE e.incident_id = ? ORDER BY e.occurred_at, e.entry_key, e.version`, [incidentId]);
  return rows.map(toEntry);
}

/** Every version of every entry on the open incidents, grouped by incident: one query for the dashboard. */
export async function entriesOfOpenIncidents(db: Pick<Executor, 'all'>): Promise<Map<number, EntryRecord[]>> {
  const rows = await db.all(
    `${ENTRY_SELECT} WHERE e.incident_id IN (SELECT id FROM incidents WHERE status = 'open' AND voided = 0)
     ORDER BY e.incident_id, e.occurred_at, e.entry_key, e.version`,
  );
  return groupBy(rows.map(toEntry), (e) => e.incidentId, (e) => e);
}

export async function findEntry(db: Pick<Executor, 'get'>, id: number): Promise<EntryRecord | undefined> {
  const row = await db.get(`${ENTRY_SELECT} WHERE e.id = ?`, [id]);
  return row ? toEntry(row) : undefined;
}

export type NewEntryRow = Omit<EntryRecord, 'id' | 'authorName' | 'latest'>;

export async function insertEntry(tx: Executor, entry: NewEntryRow): Promise<number> {
  const { lastId } = await tx.run(
    `INSERT INTO entries (entry_key, incident_id, kind, version, supersedes, occurred_at, recorded_at, author_id, body,
       amendment_reason, content_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      entry.entryKey,
      entry.incidentId,
      entry.kind,
      entry.version,
      entry.supersedesId,
      entry.occurredAt,
      entry.recordedAt,
      entry.authorId,
      JSON.stringify(entry.body),
      entry.amendmentReason,
      entry.contentHash,
    ],
  );
  return lastId;
}

const signatureRow = z.object({
  id: z.number().int(),
  entry_id: z.number().int(),
  signer_id: z.number().int(),
  signer_name: z.string(),
  signer_role: z.string(),
  meaning: z.enum(SIGNATURE_MEANING_KEYS),
  signed_at: z.string(),
  content_hash: z.string(),
  witnessed_by_name: z.string(),
});

export type SignatureRecord = {
  id: number;
  entryId: number;
  signerId: number;
  signerName: string;
  signerRole: string;
  meaning: SignatureMeaning;
  signedAt: string;
  contentHash: string;
  witnessedByName: string;
};

function toSignature(row: unknown): SignatureRecord {
  const r = signatureRow.parse(row);
  return {
    id: r.id,
    entryId: r.entry_id,
    signerId: r.signer_id,
    signerName: r.signer_name,
    signerRole: r.signer_role,
    meaning: r.meaning,
    signedAt: r.signed_at,
    contentHash: r.content_hash,
    witnessedByName: r.witnessed_by_name,
  };
}

const SIGNATURE_SELECT = `SELECT g.*, w.name AS witnessed_by_name FROM signatures g JOIN staff w ON w.id = g.witnessed_by`;

export async function signaturesOfIncident(db: Pick<Executor, 'all'>, incidentId: number): Promise<SignatureRecord[]> {
  const rows = await db.all(
    `${SIGNATURE_SELECT} WHERE g.entry_id IN (SELECT id FROM entries WHERE incident_id = ?) ORDER BY g.signed_at, g.id`,
    [incidentId],
  );
  return rows.map(toSignature);
}

/** The signatures on the open incidents' entries, grouped by incident. */
export async function signaturesOfOpenIncidents(db: Pick<Executor, 'all'>): Promise<Map<number, SignatureRecord[]>> {
  const rows = await db.all(
    `SELECT g.*, w.name AS witnessed_by_name, e.incident_id AS incident_id
     FROM signatures g JOIN staff w ON w.id = g.witnessed_by JOIN entries e ON e.id = g.entry_id
     WHERE e.incident_id IN (SELECT id FROM incidents WHERE status = 'open' AND voided = 0) ORDER BY g.signed_at, g.id`,
  );
  return groupBy(rows, (row) => incidentIdRow.parse(row).incident_id, toSignature);
}

export async function findSignature(db: Pick<Executor, 'get'>, id: number): Promise<SignatureRecord | undefined> {
  const row = await db.get(`${SIGNATURE_SELECT} WHERE g.id = ?`, [id]);
  return row ? toSignature(row) : undefined;
}

export async function countSignatures(db: Pick<Executor, 'get'>, entryId: number): Promise<number> {
  const row = await db.get('SELECT count(*) AS n FROM signatures WHERE entry_id = ?', [entryId]);
  return countRow.parse(row).n;
}

export async function hasSigned(db: Pick<Executor, 'get'>, entryId: number, signerId: number, meaning: SignatureMeaning): Promise<boolean> {
  const row = await db.get('SELECT 1 AS yes FROM signatures WHERE entry_id = ? AND signer_id = ? AND meaning = ?', [entryId, signerId, meaning]);
  return row !== undefined;
}

export async function insertSignature(tx: Executor, signature: Omit<SignatureRecord, 'id' | 'witnessedByName'> & { witnessedBy: number }): Promise<number> {
  const { lastId } = await tx.run(
    `INSERT INTO signatures (entry_id, signer_id, signer_name, signer_role, meaning, signed_at, content_hash, witnessed_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      signature.entryId,
      signature.signerId,
      signature.signerName,
      signature.signerRole,
      signature.meaning,
      signature.signedAt,
      signature.contentHash,
      signature.witnessedBy,
    ],
  );
  return lastId;
}
