// Issue 16's measures for `npm run bench` (run.ts): a full Verify of the ten-year school, the
// floor that saving an entry is held against (the same writes without hashing or signing), and
// signing one audit row on its own.
import { randomBytes, randomUUID } from 'node:crypto';
import { cp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { signedText } from '../electron/core/audit/audit-log';
import { dataPaths } from '../electron/core/context';
import { Database } from '../electron/core/db/connection';
import { insertAuditRow, lastAuditLink } from '../electron/core/db/audit-queries';
import { entriesSnapshot } from '../electron/core/db/chronology-queries';
import { insertEntry } from '../electron/core/db/entry-queries';
import { openIncidents } from '../electron/core/db/incident-queries';
import { protectedRows } from '../electron/core/db/protected-rows';
import { rosterRows } from '../electron/core/db/roster-queries';
import { verifyRecords } from '../electron/core/integrity/verify-records';
import { signerFor } from '../electron/core/session/open-session';
import { KeyslotStore } from '../electron/core/vault/keyslots';
import { newPersonKeys } from '../electron/core/vault/person-keys';
import { measure, percentile, round, type Timing } from './stats';

type Credentials = { username: string; password: string };

/** Full verifications timed, on one copy of the school's records; the median is held to the budget. */
const VERIFY_RUNS = 3;

/** A private copy of the cached school's records.db, opened with the demo DSL's key, for measures that write or must not be disturbed. */
async function openCopy(source: string, dir: string, credentials: Credentials): Promise<Database> {
  const slot = await new KeyslotStore(dataPaths(source).keyslots).unlockWithPassword(credentials.username, credentials.password);
  if (!slot.ok) throw new Error('the bench data folder does not open with the demo password');
  await mkdir(dir, { mode: 0o700 });
  const file = join(dir, 'records.db');
  await cp(dataPaths(source).database, file);
  try {
    return await Database.open(file, slot.dataKey);
  } finally {
    slot.dataKey.fill(0);
    slot.nextDataKey?.fill(0);
  }
}

/**
 * Verify as the app and `records verify` run it (issue 16): the whole audit chain and every
 * signature against the roster, every protected row against the state the audit last recorded
 * for it, every entry's content hash recomputed and every signature checked against its version.
 * Timed VERIFY_RUNS times on one copy of the school's records; says how much it checked.
 */
export async function benchVerify(source: string, temp: string, credentials: Credentials) {
  const dir = join(temp, 'verify');
  const db = await openCopy(source, dir, credentials);
  const runs: number[] = [];
  let report: Awaited<ReturnType<typeof verifyRecords>> | undefined;
  try {
    for (let i = 0; i < VERIFY_RUNS; i++) {
      const start = performance.now();
      report = await verifyRecords(db);
      runs.push(round(performance.now() - start, 1));
    }
    let signatures = 0;
    for await (const page of protectedRows(db, 'signatures')) signatures += page.length;
    return {
      median: round(percentile([...runs].sort((a, b) => a - b), 50), 1),
      runs,
      audit_rows: report!.auditRows,
      // Entry versions: never deleted, numbered from 1, so the newest's id is how many there are.
      entries: await entriesSnapshot(db),
      signatures,
      roster_versions: (await rosterRows(db)).length,
      // The generated school's history is the app's own: anything found here is a bug in the generator or in Verify.
      findings: report!.findings.length,
    };
  } finally {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The floor for saving an entry (issue 16's "per-write cost of signing"): one BEGIN IMMEDIATE
 * … COMMIT that inserts an entry row and its audit row with the db layer's own statements
 * (insertEntry, insertAuditRow, after reading the chain's end as appendAudit does), with
 * placeholders where the app puts hashes and the signature, and no change tracking: the
 * writes and the commit to disk, without hashing, signing, the handler or the thread hop.
 * Measured on a copy of the school's records, as many times as the save it is the floor of.
 */
export async function benchSaveFloor(source: string, temp: string, credentials: Credentials, times: number): Promise<Timing> {
  const dir = join(temp, 'save-floor');
  const db = await openCopy(source, dir, credentials);
  const placeholder = '0'.repeat(64);
  const signature = Buffer.alloc(64).toString('base64');
  try {
    const incident = (await openIncidents(db))[0];
    if (!incident) throw new Error('the bench school has no open incident');
    let minute = 0;
    return await measure(
      () =>
        db.transaction(async (tx) => {
          minute += 1;
          const at = new Date(Date.UTC(2026, 10, 2, 8, minute)).toISOString();
          const id = await insertEntry(tx, {
            entryKey: randomUUID(),
            incidentId: incident.id,
            kind: 'disclosure',
            version: 1,
            supersedesId: null,
            occurredAt: at,
            recordedAt: at,
            authorId: 1,
            body: { source: 'staff', sourceName: '', toldTo: 'Benchmark DSL', means: 'in_person', whatWasSaid: `Entry ${minute}: a pupil said the image had been passed on in a group chat after school.`, immediateActions: '' },
            amendmentReason: null,
            contentHash: placeholder,
          });
          const last = await lastAuditLink(tx);
          await insertAuditRow(tx, {
            seq: (last?.seq ?? 0) + 1,
            at,
            actor_id: 1,
            action: 'entry.created',
            subject_type: 'entry',
            subject_id: String(id),
            details: JSON.stringify({ incidentId: incident.id, kind: 'disclosure', version: 1 }),
            prev_hash: last?.hash ?? placeholder,
            hash: placeholder,
            states: JSON.stringify({ [`entries:${id}`]: placeholder }),
            signer_id: 1,
            signature,
          });
        }),
      times,
      3,
    );
  } finally {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Signing one audit row as a session does (Ed25519 over the row's hash and its signer); milliseconds to four places, since it takes tens of microseconds. */
export function benchSign(): Timing {
  const sign = signerFor(1, newPersonKeys()).sign;
  const hash = randomBytes(32).toString('hex');
  for (let i = 0; i < 200; i++) sign(signedText(hash, 1));
  const times: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const start = performance.now();
    sign(signedText(hash, 1));
    times.push(performance.now() - start);
  }
  const sorted = times.sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 50), 4), p95: round(percentile(sorted, 95), 4), runs: sorted.length };
}
