import type { Roster, RosterMember } from '../../../shared/domain/roster';
import { GENESIS_HASH } from '../../../shared/domain/audit';
import type { FindingKind } from '../../../shared/domain/verification';
import type { Executor, Row } from '../db/connection';
import { auditRowsAfter, type AuditRow } from '../db/audit-queries';
import { PROTECTED_TABLE_NAMES, PROTECTED_TABLES, protectedRows, type ProtectedTable } from '../db/row-states';
import { listStaff } from '../db/staff-queries';
import { hashRow, signedText } from '../audit/audit-log';
import { entryContentHash } from '../records/content-hash';
import { verifyBytes } from '../vault/person-keys';
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
};

/**
 * Tables the app only ever adds to (their triggers refuse the rest): a saved entry version, a
 * signature, an incident correction or status change, a roster version. A later audit row that
 * records a different state for one of them, even one properly signed, vouches for a change
 * the app never makes: whoever signed it changed the records outside the app.
 */
const APPEND_ONLY: ReadonlySet<string> = new Set<ProtectedTable>(['entries', 'signatures', 'incident_versions', 'incident_status_changes', 'roster']);

const PAGE = 2000;
/** A long list of findings says what matters in its first hundred; the count says the rest. */
const MAX_FINDINGS = 200;

type Place = { seq: number; at: string };

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

  const latestState = new Map<string, { hash: string; place: Place }>();
  const hashes = new Map<number, string>();
  let roster: RosterVersion | null = null;
  let signingBegun = false;
  // When signing began, by the first roster version's own signed time: every audit row from
  // then on must be signed, even one whose states (which say the same) were stripped out.
  const signingSince = versions[0]?.at ?? null;
  let firstRosterRecorded = false;
  // Who signed the audit row that first recorded each signature: the signer's own key does (entries.sign).
  const signatureRecordedBy = new Map<string, { seq: number; signerId: number | null }>();
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let lastIntact: Place | null = null;
  let chainBroken = false;
  let rows = 0;
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
      if (signingBegun) checkSignature(row, roster, where, add, () => (chainBroken = true));

      for (const [key, hash] of Object.entries(states)) {
        const before = latestState.get(key);
        const table = key.slice(0, key.indexOf(':'));
        if (before && before.hash !== DELETED && before.hash !== hash && APPEND_ONLY.has(table)) {
          const words = TABLE_WORDS[table as ProtectedTable];
          add({
            kind: 'not-permitted',
            where: `${words} ${key.slice(table.length + 1)}`,
            detail: `Audit row ${row.seq} (${row.at}) records it ${hash === DELETED ? 'deleted' : 'changed'}, but the app never changes or deletes a saved ${words}: it was changed outside the app, and that audit row written to cover it.`,
          });
        }
        if (table === 'signatures' && before === undefined && signingBegun && row.action !== 'integrity.started') {
          signatureRecordedBy.set(key.slice(table.length + 1), { seq: row.seq, signerId: row.signer_id });
        }
        if (table === 'settings' && signingBegun && !signedByDsl(row, roster)) {
          add({
            kind: 'not-permitted',
            where: `${TABLE_WORDS.settings} ${key.slice(table.length + 1)}`,
            detail: `Audit row ${row.seq} (${row.at}) records it changed, but was not signed by a DSL, and only a DSL can change the school's settings: it was changed outside the app.`,
          });
        }
        latestState.set(key, { hash, place: { seq: row.seq, at: row.at } });
      }
      hashes.set(row.seq, row.hash);
      if (!chainBroken) lastIntact = { seq: row.seq, at: row.at };
      prevHash = row.hash;
      expectedSeq = row.seq + 1;
      rows += 1;
    }
  }

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
    await checkSigners(db, signatureRecordedBy, add);
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
        detail: `These records are older than the last state this computer saw: the audit log ends at row ${expectedSeq - 1}, but on ${anchor.at} it had reached row ${anchor.seq} (${source}). Rows were removed from its end, or the folder was replaced with an older copy.`,
      });
    } else if (hashes.get(anchor.seq) !== anchor.hash) {
      add({ kind: 'chain-rewritten', where: source, detail: `Audit row ${anchor.seq} is not the row that was there on ${anchor.at} (${source}): the log was rewritten.` });
    }
  }

  return { ok: findings.length === 0, auditRows: rows, lastIntact: findings.length === 0 ? lastIntact : lastIntact, signed: signingBegun, findings };
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

function checkSignature(row: AuditRow, roster: RosterVersion | null, where: string, add: (f: Finding) => void, broken: () => void): void {
  if (row.signature === null) {
    add({ kind: 'unsigned', where, detail: 'It is not signed, though every row since signing began is: it was added outside the app.' });
    broken();
    return;
  }
  const signer = row.signer_id === null ? null : memberOf(roster?.roster, row.signer_id);
  const key = row.signer_id === null ? roster?.roster.recovery?.sign : signer?.sign;
  if (!key || !verifyBytes(key, signedText(row.hash, row.signer_id), row.signature)) {
    add({ kind: 'signature-forged', where, detail: 'Its signature does not match the key of the person it names: it was written or changed outside the app.' });
    broken();
    return;
  }
  if (row.signer_id !== null && row.actor_id !== null && row.actor_id !== row.signer_id) {
    add({ kind: 'not-permitted', where, detail: 'It says one person acted but was signed by another.' });
  }
  if (signer && !signer.active && row.action !== 'staff.deactivated') {
    add({ kind: 'not-permitted', where, detail: `It was signed by ${signer.name}, whose account had been deactivated.` });
  }
}

async function compareRows(db: Pick<Executor, 'all'>, latest: Map<string, { hash: string; place: Place }>, add: (f: Finding) => void): Promise<void> {
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

function keyOf(row: Row, table: ProtectedTable): string {
  const value = row[PROTECTED_TABLES[table]];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '?';
}

/** A little about the row, never a pupil's name: the log and this report may be shown to a technician. */
function describe(table: ProtectedTable, row: Row): string {
  if (table === 'entries' && typeof row.kind === 'string') return ` (a ${row.kind.replaceAll('_', ' ')} entry, version ${String(row.version)})`;
  return '';
}

async function checkEntries(db: Pick<Executor, 'all'>, add: (f: Finding) => void): Promise<void> {
  const hashes = new Map<number, string>();
  let after = 0;
  for (;;) {
    const rows = await db.all('SELECT * FROM entries WHERE id > ? ORDER BY id LIMIT ?', [after, PAGE]);
    if (rows.length === 0) break;
    for (const row of rows) {
      const id = Number(row.id);
      after = id;
      hashes.set(id, String(row.content_hash));
      let body: unknown;
      try {
        body = JSON.parse(String(row.body));
      } catch {
        body = undefined;
      }
      const recomputed =
        body === undefined
          ? null
          : entryContentHash({
              entryKey: String(row.entry_key),
              incidentId: Number(row.incident_id),
              kind: String(row.kind) as never,
              version: Number(row.version),
              supersedesId: row.supersedes === null ? null : Number(row.supersedes),
              occurredAt: String(row.occurred_at),
              recordedAt: String(row.recorded_at),
              authorId: Number(row.author_id),
              body: body as never,
              amendmentReason: typeof row.amendment_reason === 'string' ? row.amendment_reason : null,
            });
      if (recomputed !== row.content_hash) {
        add({ kind: 'entry-altered', where: `entry ${id}`, detail: 'Its text no longer matches the content hash written when it was saved: it was changed outside the app.' });
      }
    }
  }
  const signatures = await db.all('SELECT id, entry_id, content_hash FROM signatures ORDER BY id');
  for (const s of signatures) {
    if (hashes.get(Number(s.entry_id)) !== s.content_hash) {
      add({ kind: 'entry-altered', where: `signature ${String(s.id)}`, detail: `It no longer matches entry ${String(s.entry_id)}, the version it signed: the entry was changed after it was signed.` });
    }
  }
}

/**
 * A signature on an entry is recorded by an audit row signed with the signer's own key, which
 * only their password opens. One recorded under anyone else's key was not made by the person it
 * names, whatever the row says.
 */
async function checkSigners(db: Pick<Executor, 'all'>, recordedBy: Map<string, { seq: number; signerId: number | null }>, add: (f: Finding) => void): Promise<void> {
  for (const s of await db.all('SELECT id, signer_id, signer_name FROM signatures ORDER BY id')) {
    const recorded = recordedBy.get(String(s.id));
    if (!recorded || recorded.signerId === Number(s.signer_id)) continue;
    add({
      kind: 'signature-forged',
      where: `signature ${String(s.id)}`,
      detail: `It says ${String(s.signer_name)} signed, but audit row ${recorded.seq}, which recorded it, was signed with someone else's key: it was not made by them.`,
    });
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
