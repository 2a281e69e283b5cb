import type { Roster, RosterMember } from '../../../shared/domain/roster';
import { GENESIS_HASH } from '../../../shared/domain/audit';
import { formatDateTime } from '../../../shared/domain/dates';
import type { FindingKind } from '../../../shared/domain/verification';
import { z } from 'zod';
import type { Executor, Row } from '../db/connection';
import { entryPage, signatureHashes } from '../db/verify-queries';
import { auditRowsAfter, type AuditRow } from '../db/audit-queries';
import { PROTECTED_TABLE_NAMES, PROTECTED_TABLES, protectedRows, type ProtectedTable } from '../db/protected-rows';
import { listStaff } from '../db/staff-queries';
import { hashRow, signedText } from '../audit/audit-log';
import { entryContentHash } from '../records/content-hash';
import { verifyBytesAsync } from '../vault/person-keys';
import { readVerifiedRoster, type RosterVersion } from './roster';
import { DELETED, rowStateHash, stateKey } from './row-state';
import { verifyAnchor, type SignedAnchor } from './anchor';

export type Finding = { kind: FindingKind; where: string; detail: string };

export type RecordsVerification = {
  ok: boolean;
  auditRows: number;
  /** The last audit row before the first finding about the chain: the log was intact up to here. */
  lastIntact: { seq: number; at: string } | null;
  /** Whether the records have been signed since (false: made before signing began and no DSL has signed in since). */
  signed: boolean;
  findings: Finding[];
};

const TABLE_WORDS: Record<ProtectedTable, string> = {
  staff: 'staff account',
  settings: 'setting',
  pupils: 'pupil',
  incidents: 'incident',
  incident_people: 'person on an incident',
  incident_versions: 'incident correction',
  incident_status_changes: 'incident status change',
  entries: 'entry',
  signatures: 'signature',
  roster: 'roster version',
  contacts: 'local contact',
  transfers: 'transfer of a child-protection file',
  received_files: 'received file',
  legal_holds: 'legal hold',
  retention_reviews: 'retention decision',
  practice_sessions: 'practice session',
};

/**
 * Tables the app only ever adds to (their triggers refuse the rest): a saved entry version, a
 * signature, an incident correction or status change, a roster version. A later audit row that
 * records a different state for one of them, even one properly signed, vouches for a change
 * the app never makes: whoever signed it changed the records outside the app.
 */
const APPEND_ONLY: ReadonlySet<string> = new Set<ProtectedTable>(['entries', 'signatures', 'incident_versions', 'incident_status_changes', 'roster', 'received_files', 'retention_reviews']);

/**
 * What destroying a record deletes (decision 0030), by the kind of record. The app deletes rows
 * of these tables only then: a deletion is accepted only from a `records.destroyed` audit row
 * signed by a DSL in the roster then in force, whose own states record the record it names
 * (the incident or the pupil) deleted too. Any other is `destroyed-without-certificate`.
 */
const DESTROYABLE: Readonly<Record<string, ReadonlySet<string>>> = {
  incident: new Set<ProtectedTable>(['incidents', 'incident_people', 'incident_versions', 'incident_status_changes', 'entries', 'signatures', 'legal_holds', 'retention_reviews', 'practice_sessions']),
  pupil: new Set<ProtectedTable>(['pupils', 'transfers', 'received_files', 'legal_holds', 'retention_reviews']),
};
const DESTROYABLE_TABLES: ReadonlySet<string> = new Set(Object.values(DESTROYABLE).flatMap((tables) => [...tables]));
const RECORD_TABLE: Readonly<Record<string, string>> = { incident: 'incidents', pupil: 'pupils' };

/** Whether the audit row that records a row deleted is a destruction certificate that covers it. */
function certifiesDeletion(row: AuditRow, states: Record<string, string>, roster: RosterVersion | null, table: string): boolean {
  if (row.action !== 'records.destroyed' || !signedByDsl(row, roster)) return false;
  const kind = row.subject_type ?? '';
  const tables = DESTROYABLE[kind];
  const recordTable = RECORD_TABLE[kind];
  if (!tables?.has(table) || !recordTable || row.subject_id === null) return false;
  return states[stateKey(recordTable, row.subject_id)] === DELETED;
}

const PAGE = 2000;
/** A long list of findings says what matters in its first hundred; the count says the rest. */
const MAX_FINDINGS = 200;

type Place = { seq: number; at: string };
/** The last state the audit recorded for a row: where, who signed that audit row, and the roster then in force. */
type RecordedState = { hash: string; place: Place; signerId: number | null; roster: Roster | undefined; baseline: boolean };

/**
 * Verify that means it (decision 0017): the audit chain link by link, every row's signature
 * against the roster in force at that row, the signed roster itself, every protected row
 * against the last state the audit recorded for it, every entry's content hash recomputed
 * from its body and every signature against the version it signs, the staff table against
 * the roster, and the chain's end against the anchors kept outside the database.
 */
export async function verifyRecords(db: Pick<Executor, 'all' | 'get'>, anchors: readonly { source: string; anchor: SignedAnchor }[] = []): Promise<RecordsVerification> {
  const findings: Finding[] = [];
  const add = (finding: Finding) => {
    if (findings.length < MAX_FINDINGS) findings.push(finding);
  };

  const { versions, problems } = await readVerifiedRoster(db);
  for (const p of problems) add({ kind: 'roster-altered', where: `roster version ${p.version}`, detail: `The signed list of staff and roles was altered: ${p.problem}.` });
  const byVersion = new Map(versions.map((v) => [v.version, v]));

  const latestState = new Map<string, RecordedState>();
  const hashes = new Map<number, string>();
  let roster: RosterVersion | null = null;
  let signingBegun = false;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let lastIntact: Place | null = null;
  let chainBroken = false;
  let rows = 0;
  // When signing began, by the first roster version's own signed time: every audit row from
  // then on must be signed, even one whose states (which say the same) were stripped out.
  const signingSince = versions[0]?.at ?? null;
  let firstRosterRecorded = false;
  const signedRows: SignedRow[] = [];
  const breakChain = (finding: Finding) => {
    add(finding);
    chainBroken = true;
  };

  for (;;) {
    const page = await auditRowsAfter(db, expectedSeq - 1, PAGE);
    if (page.length === 0) break;
    for (const row of page) {
      const where = `audit row ${row.seq}`;
      if (row.seq !== expectedSeq) breakChain({ kind: 'audit-missing', where: `audit row ${expectedSeq}`, detail: `Audit rows ${expectedSeq} to ${row.seq - 1} have been deleted.` });
      if (row.prev_hash !== prevHash) breakChain({ kind: 'audit-altered', where, detail: 'It does not link to the row before it: a row before it was changed or removed.' });
      if (hashRow(row) !== row.hash) breakChain({ kind: 'audit-altered', where, detail: 'Its content was changed after it was written.' });

      const states = parseStates(row);
      const rosterVersions = [...Object.keys(states)].filter((k) => k.startsWith('roster:')).map((k) => Number(k.slice('roster:'.length)));
      for (const v of rosterVersions) {
        const found = byVersion.get(v);
        if (found) roster = found;
        signingBegun = true;
        if (v === 1) firstRosterRecorded = true;
      }
      if (!signingBegun && signingSince !== null && row.at >= signingSince) signingBegun = true;
      if (signingBegun) {
        const signed = checkSigner(row, roster, where, add, () => (chainBroken = true));
        if (signed) signedRows.push(signed);
      }

      for (const [key, hash] of Object.entries(states)) {
        const before = latestState.get(key);
        const table = key.slice(0, key.indexOf(':'));
        const deletion = hash === DELETED && DESTROYABLE_TABLES.has(table);
        if (deletion && !certifiesDeletion(row, states, roster, table)) {
          add({
            kind: 'destroyed-without-certificate',
            where: `${TABLE_WORDS[table as ProtectedTable]} ${key.slice(table.length + 1)}`,
            detail: `Audit row ${row.seq} (${row.at}) records it deleted, but is not a destruction certificate signed by a DSL for the record it belongs to: it was deleted outside the app.`,
          });
        }
        if (!deletion && before && before.hash !== DELETED && before.hash !== hash && APPEND_ONLY.has(table)) {
          const words = TABLE_WORDS[table as ProtectedTable];
          add({
            kind: 'not-permitted',
            where: `${words} ${key.slice(table.length + 1)}`,
            detail: `Audit row ${row.seq} (${row.at}) records it ${hash === DELETED ? 'deleted' : 'changed'}, but the app never changes or deletes a saved ${words}: it was changed outside the app, and that audit row written to cover it.`,
          });
        }
        if (table === 'settings' && signingBegun && !signedByDsl(row, roster)) {
          add({
            kind: 'not-permitted',
            where: `${TABLE_WORDS.settings} ${key.slice(table.length + 1)}`,
            detail: `Audit row ${row.seq} (${row.at}) records it changed, but was not signed by a DSL, and only a DSL can change the school's settings: it was changed outside the app.`,
          });
        }
        latestState.set(key, { hash, place: { seq: row.seq, at: row.at }, signerId: row.signer_id, roster: roster?.roster, baseline: row.action === 'integrity.started' });
      }
      hashes.set(row.seq, row.hash);
      if (!chainBroken) lastIntact = { seq: row.seq, at: row.at };
      prevHash = row.hash;
      expectedSeq = row.seq + 1;
      rows += 1;
    }
  }

  const forged = await forgedSignatures(signedRows);
  for (const row of forged) {
    // Named before anything else found on the same row: a forged signature is what it most is.
    const finding: Finding = { kind: 'signature-forged', where: `audit row ${row.seq}`, detail: 'Its signature does not match the key of the person it names: it was written or changed outside the app.' };
    const same = findings.findIndex((f) => f.where === finding.where);
    if (same >= 0) findings.splice(same, 0, finding);
    else add(finding);
  }
  const firstForged = forged[0];
  if (firstForged && (!lastIntact || lastIntact.seq >= firstForged.seq)) lastIntact = placeBefore(signedRows, firstForged.seq);

  if (versions.length > 0 && !firstRosterRecorded) {
    add({
      kind: 'audit-altered',
      where: 'audit log',
      detail: `The records hold a signed list of staff begun on ${signingSince ?? 'an unknown date'}, but no audit row records it: the audit log was rewritten to look older than signing.`,
    });
    // Nothing in a log rewritten like that can be trusted, down to its first row.
    lastIntact = null;
  }
  if (signingBegun || versions.length > 0) {
    await compareRows(db, latestState, add);
    const last = versions[versions.length - 1];
    if (last) await compareStaff(db, last.roster, add);
  }
  await checkEntries(db, add);

  for (const { source, anchor } of anchors) {
    const verdict = verifyAnchor(anchor, versions);
    if (!verdict.ok) {
      add({ kind: 'signature-forged', where: source, detail: `The record of the chain's end kept in ${source} is not signed by anyone on the roster.` });
      continue;
    }
    if (anchor.seq > expectedSeq - 1) {
      add({
        kind: 'chain-shorter',
        where: source,
        detail: `These records are older than the last state this computer saw: the audit log ends at row ${expectedSeq - 1}, but on ${formatDateTime(anchor.at)} it had reached row ${anchor.seq} (${source}). Rows were removed from its end, or the folder was replaced with an older copy.`,
      });
    } else if (hashes.get(anchor.seq) !== anchor.hash) {
      add({ kind: 'chain-rewritten', where: source, detail: `Audit row ${anchor.seq} is not the row that was there on ${formatDateTime(anchor.at)} (${source}): the log was rewritten.` });
    }
  }

  return { ok: findings.length === 0, auditRows: rows, lastIntact, signed: signingBegun, findings };
}

function parseStates(row: AuditRow): Record<string, string> {
  if (row.states === null) return {};
  try {
    const parsed: unknown = JSON.parse(row.states);
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}

function memberOf(roster: Roster | undefined, id: number): RosterMember | undefined {
  return roster?.members.find((m) => m.id === id);
}

/** Whether the row's signer was an active DSL in the roster in force when it was written. */
function signedByDsl(row: AuditRow, roster: RosterVersion | null): boolean {
  const signer = row.signer_id === null ? undefined : memberOf(roster?.roster, row.signer_id);
  return signer !== undefined && signer.active && signer.roles.includes('dsl');
}

/** A signed row, kept for the signature check: its place, hash, who signed and the key the roster gave them then. */
type SignedRow = { seq: number; at: string; hash: string; signerId: number | null; signature: string; key: string };

/**
 * The checks on who signed that need no cryptography, for every row: it is signed at all,
 * the roster in force names a key for its signer, the actor is the signer, and the signer's
 * account was active. Returns the row for the signature check, or null when already named.
 */
function checkSigner(row: AuditRow, roster: RosterVersion | null, where: string, add: (f: Finding) => void, broken: () => void): SignedRow | null {
  if (row.signature === null) {
    add({ kind: 'unsigned', where, detail: 'It is not signed, though every row since signing began is: it was added outside the app.' });
    broken();
    return null;
  }
  const signer = row.signer_id === null ? null : memberOf(roster?.roster, row.signer_id);
  const key = row.signer_id === null ? roster?.roster.recovery?.sign : signer?.sign;
  if (!key) {
    add({ kind: 'signature-forged', where, detail: 'It is signed in the name of someone the roster in force then had no key for.' });
    broken();
    return null;
  }
  if (row.signer_id !== null && row.actor_id !== null && row.actor_id !== row.signer_id) {
    add({ kind: 'not-permitted', where, detail: 'It says one person acted but was signed by another.' });
  }
  if (signer && !signer.active && row.action !== 'staff.deactivated') {
    add({ kind: 'not-permitted', where, detail: `It was signed by ${signer.name}, whose account had been deactivated.` });
  }
  return { seq: row.seq, at: row.at, hash: row.hash, signerId: row.signer_id, signature: row.signature, key };
}

/** How many signature checks are in flight at once on the thread pool. */
const SIGNATURE_BATCH = 512;

/**
 * The rows whose signatures do not verify: every one is checked. (Checking only each key's
 * last row would not do: an honest person writing after a forged row signs a chain that
 * includes it.) The checks run on the thread pool in batches.
 */
async function forgedSignatures(rows: readonly SignedRow[]): Promise<SignedRow[]> {
  const forged: SignedRow[] = [];
  for (let start = 0; start < rows.length; start += SIGNATURE_BATCH) {
    const batch = rows.slice(start, start + SIGNATURE_BATCH);
    const verdicts = await Promise.all(batch.map((row) => verifyBytesAsync(row.key, signedText(row.hash, row.signerId), row.signature)));
    batch.forEach((row, i) => {
      if (!verdicts[i]) forged.push(row);
    });
  }
  return forged;
}

/** The place of the signed row before `seq`, or null: where the log was last intact. */
function placeBefore(rows: readonly SignedRow[], seq: number): Place | null {
  let place: Place | null = null;
  for (const row of rows) {
    if (row.seq >= seq) break;
    place = { seq: row.seq, at: row.at };
  }
  return place;
}

async function compareRows(db: Pick<Executor, 'all'>, latest: Map<string, RecordedState>, add: (f: Finding) => void): Promise<void> {
  const seen = new Set<string>();
  for (const table of PROTECTED_TABLE_NAMES) {
    for await (const page of protectedRows(db, table)) {
      for (const row of page) {
        const key = stateKey(table, keyOf(row, table));
        seen.add(key);
        const recorded = latest.get(key);
        const where = `${TABLE_WORDS[table]} ${keyOf(row, table)}`;
        if (!recorded || recorded.hash === DELETED) {
          add({ kind: 'row-unrecorded', where, detail: `It has no audit record: it was added outside the app.${describe(table, row)}` });
        } else if (recorded.hash !== rowStateHash(table, row)) {
          add({
            kind: 'row-changed',
            where,
            detail: `It was changed outside the app after audit row ${recorded.place.seq} (${recorded.place.at}), the last change the audit records for it.${describe(table, row)}`,
          });
        } else {
          const misfit = whoMisfit(table, row, recorded);
          if (misfit) add({ ...misfit, where });
        }
      }
    }
  }
  for (const [key, { hash, place }] of latest) {
    if (hash === DELETED || seen.has(key)) continue;
    const [table, id] = key.split(':') as [ProtectedTable, string];
    add({ kind: 'row-deleted', where: `${TABLE_WORDS[table] ?? table} ${id}`, detail: `It was deleted outside the app; the audit last recorded it at row ${place.seq} (${place.at}).` });
  }
}

/**
 * Whether the audit row that vouches for an entry or a signature was signed by the person
 * the row names: an entry by its author, a signature by its signer, who held a role then that
 * allowed it. Someone signing with their own key cannot make a record claim another's name.
 */
function whoMisfit(table: ProtectedTable, row: Row, recorded: RecordedState): Omit<Finding, 'where'> | null {
  // What was recorded before signing began is vouched for as it stood, by the DSL who began signing.
  if (recorded.baseline) return null;
  if (table === 'entries' && row.version === 1 && row.author_id !== recorded.signerId) {
    return { kind: 'not-permitted', detail: `It names one author, but the audit row that recorded it (row ${recorded.place.seq}) was signed by someone else.` };
  }
  if (table === 'signatures') {
    const named = typeof row.signer_name === 'string' ? row.signer_name : 'one person';
    if (row.signer_id !== recorded.signerId) {
      return {
        kind: 'signature-forged',
        detail: `It says ${named} signed, but audit row ${recorded.place.seq}, which recorded it, was signed with someone else's key: it was not made by them.`,
      };
    }
    const member = typeof row.signer_id === 'number' ? memberOf(recorded.roster, row.signer_id) : undefined;
    if (!member?.active) return { kind: 'not-permitted', detail: `Its signer was not an active member of staff when it was signed (audit row ${recorded.place.seq}).` };
  }
  return null;
}

function keyOf(row: Row, table: ProtectedTable): string {
  const value = row[PROTECTED_TABLES[table]];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '?';
}

/** A little about the row, never a pupil's name: the log and this report may be shown to a technician. */
function describe(table: ProtectedTable, row: Row): string {
  if (table === 'entries' && typeof row.kind === 'string') return ` (a ${row.kind.replaceAll('_', ' ')} entry, version ${String(row.version)})`;
  return '';
}

const entryRow = z.object({
  id: z.number().int(),
  entry_key: z.string(),
  incident_id: z.number().int(),
  kind: z.string(),
  version: z.number().int(),
  supersedes: z.number().int().nullable(),
  occurred_at: z.string(),
  recorded_at: z.string(),
  author_id: z.number().int(),
  body: z.string(),
  amendment_reason: z.string().nullable(),
  content_hash: z.string(),
});
const signatureRow = z.object({ id: z.number().int(), entry_id: z.number().int(), content_hash: z.string() });

/** The content hash recomputed from what is stored now, or null if the row cannot be read as an entry. */
function recomputedHash(raw: Row): { id: number | null; stored: unknown; recomputed: string | null } {
  const parsed = entryRow.safeParse(raw);
  if (!parsed.success) return { id: typeof raw.id === 'number' ? raw.id : null, stored: raw.content_hash, recomputed: null };
  const row = parsed.data;
  let body: unknown;
  try {
    body = JSON.parse(row.body);
  } catch {
    return { id: row.id, stored: row.content_hash, recomputed: null };
  }
  const fields = {
    entryKey: row.entry_key,
    incidentId: row.incident_id,
    kind: row.kind,
    version: row.version,
    supersedesId: row.supersedes,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    authorId: row.author_id,
    body,
    amendmentReason: row.amendment_reason,
  };
  // The same fields, in the same canonical form, as entryContentHash hashes when the entry is saved.
  return { id: row.id, stored: row.content_hash, recomputed: entryContentHash(fields as Parameters<typeof entryContentHash>[0]) };
}

async function checkEntries(db: Pick<Executor, 'all'>, add: (f: Finding) => void): Promise<void> {
  const hashes = new Map<number, unknown>();
  let after = 0;
  for (;;) {
    const rows = await entryPage(db, after, PAGE);
    if (rows.length === 0) break;
    for (const raw of rows) {
      const { id, stored, recomputed } = recomputedHash(raw);
      if (id === null) continue;
      after = id;
      hashes.set(id, stored);
      if (recomputed !== stored) {
        add({ kind: 'entry-altered', where: `entry ${id}`, detail: 'Its text no longer matches the content hash written when it was saved: it was changed outside the app.' });
      }
    }
  }
  for (const raw of await signatureHashes(db)) {
    const s = signatureRow.safeParse(raw);
    if (!s.success) continue;
    if (hashes.get(s.data.entry_id) !== s.data.content_hash) {
      add({
        kind: 'entry-altered',
        where: `signature ${s.data.id}`,
        detail: `It no longer matches entry ${s.data.entry_id}, the version it signed: the entry was changed after it was signed.`,
      });
    }
  }
}

async function compareStaff(db: Pick<Executor, 'all'>, roster: Roster, add: (f: Finding) => void): Promise<void> {
  const members = new Map(roster.members.map((m) => [m.id, m]));
  for (const row of await listStaff(db)) {
    const member = members.get(row.id);
    if (!member) continue; // named by compareRows as unrecorded
    const differs =
      JSON.stringify([...row.roles].sort()) !== JSON.stringify([...member.roles].sort()) ||
      row.active !== member.active ||
      row.name !== member.name ||
      row.username !== member.username;
    if (differs) {
      add({
        kind: 'staff-differs',
        where: `staff account ${row.id}`,
        detail: `The staff list gives ${member.name} a name, username, roles or access the signed roster does not (the roster's: ${member.username}, ${member.roles.join(', ') || 'no roles'}${member.active ? '' : ', deactivated'}). The roster is what the app uses.`,
      });
    }
  }
}
