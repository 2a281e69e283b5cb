import { stat } from 'node:fs/promises';
import { verifyAuditChain } from '../audit/audit-log';
import { dataPaths } from '../context';
import { Database, WrongKeyError } from '../db/connection';
import { schemaVersion } from '../db/migrate';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index';
import { KeyslotStore } from '../vault/keyslots';
import { requireDslForCommandLine, unlockDataKey, unlockStaff, type Credentials } from './credentials';
import { findStaffById } from '../db/staff-queries';
import { hasRosterTable } from '../db/roster-queries';
import { readAnchors } from '../integrity/anchor-sources';
import { computerAnchorPath } from '../integrity/computer-anchor';
import { verifyRecords } from '../integrity/verify-records';
import { FINDING_KINDS } from '../../../shared/domain/verification';

/** One check; `lines`, when there are any, are its findings one by one (the Records check's). */
export type Check = { name: string; ok: boolean; detail: string; lines?: string[] };

const CHECK_NAMES = {
  keyslots: 'Key file (keyslots.json)',
  opens: 'Database opens with the key',
  pages: 'Encrypted pages (every page read and its HMAC checked)',
  structure: 'Database structure (integrity_check)',
  schema: 'Schema version',
  audit: 'Audit chain',
  records: 'Records (signatures, the signed roster, every record against its audit row, the anchors)',
} as const;

/**
 * Checks a data folder: the keyslots file (structure, checksum, and that the credentials
 * open it), that records.db opens with the key, SQLCipher's page check and SQLite's
 * structure check (both run by Database.open, see Database.health), the schema version and
 * the audit chain. ok only if every check passes. Wrong credentials are not a finding
 * about the folder: they throw AppError('bad_credentials').
 */
export async function verifyDataFolder(args: {
  dataDir: string;
  credentials: Credentials;
  /**
   * The command line's rule: a username must be an active DSL in these records, checked as
   * soon as they open (AppError('forbidden') otherwise). If the staff table cannot be read
   * the checks go on, since naming that damage is what verify is for.
   */
  requireDsl?: boolean;
  /**
   * This computer's state folder (the app's userData), whose anchor for this data folder is
   * compared too; without it only the key file's anchor is.
   */
  stateDir?: string;
}): Promise<{ ok: boolean; checks: Check[] }> {
  const paths = dataPaths(args.dataDir);
  const checks: Check[] = [];
  const finish = () => ({ ok: checks.every((c) => c.ok), checks });
  const skipRest = (reason: string) => {
    for (const name of Object.values(CHECK_NAMES)) {
      if (!checks.some((c) => c.name === name)) checks.push({ name, ok: false, detail: `not checked: ${reason}` });
    }
    return finish();
  };

  let slots: number;
  try {
    slots = (await new KeyslotStore(paths.keyslots).read()).slots.length;
  } catch (error) {
    checks.push({ name: CHECK_NAMES.keyslots, ok: false, detail: error instanceof Error ? error.message : 'it could not be read' });
    return skipRest('without the key file there is no key');
  }
  let key: Buffer;
  let staffId: number | null = null;
  if ('username' in args.credentials) {
    ({ dataKey: key, staffId } = await unlockStaff(paths.keyslots, args.credentials.username, args.credentials.password));
  } else {
    key = await unlockDataKey(paths.keyslots, args.credentials);
  }
  checks.push({ name: CHECK_NAMES.keyslots, ok: true, detail: `${slots} key slots, checksum matches, your credentials open it` });

  let db: Database;
  try {
    if (!(await stat(paths.database).then((s) => s.isFile(), () => false))) {
      checks.push({ name: CHECK_NAMES.opens, ok: false, detail: 'records.db is missing' });
      return skipRest('there is no database');
    }
    db = await Database.open(paths.database, key);
  } catch (error) {
    const detail =
      error instanceof WrongKeyError
        ? 'the key in keyslots.json does not open records.db (the file is damaged at its start, or belongs to other keys)'
        : 'records.db could not be opened';
    checks.push({ name: CHECK_NAMES.opens, ok: false, detail });
    return skipRest('the database did not open');
  } finally {
    key.fill(0);
  }

  if (args.requireDsl === true && staffId !== null) {
    const readable = await findStaffById(db, staffId).then(() => true, () => false);
    if (readable) {
      try {
        await requireDslForCommandLine(db, staffId, 'verify');
      } catch (error) {
        await db.close();
        throw error;
      }
    }
  }

  try {
    checks.push({ name: CHECK_NAMES.opens, ok: true, detail: 'SQLCipher opened it with the key' });
    const problems = db.health.ok ? [] : db.health.problems;
    const pageProblems = problems.filter((p) => p.startsWith('Encrypted page check'));
    const structureProblems = problems.filter((p) => !p.startsWith('Encrypted page check'));
    checks.push({
      name: CHECK_NAMES.pages,
      ok: pageProblems.length === 0,
      detail: pageProblems.length === 0 ? 'every page decrypts and its HMAC matches' : summarise(pageProblems),
    });
    checks.push({
      name: CHECK_NAMES.structure,
      ok: structureProblems.length === 0,
      detail: structureProblems.length === 0 ? 'ok' : summarise(structureProblems),
    });

    try {
      const version = await schemaVersion(db);
      const ok = version >= 1 && version <= LATEST_SCHEMA_VERSION;
      checks.push({
        name: CHECK_NAMES.schema,
        ok,
        detail: ok ? `version ${version}` : `version ${version}; this app understands 1 to ${LATEST_SCHEMA_VERSION}`,
      });
    } catch {
      checks.push({ name: CHECK_NAMES.schema, ok: false, detail: 'it could not be read' });
    }

    try {
      const audit = await verifyAuditChain(db);
      checks.push({
        name: CHECK_NAMES.audit,
        ok: audit.ok,
        detail: audit.ok ? `${audit.rows} rows, each linked to the one before` : `broken at row ${audit.firstBrokenSeq}: ${audit.reason}`,
      });
    } catch {
      checks.push({ name: CHECK_NAMES.audit, ok: false, detail: 'the audit log could not be read to the end' });
    }

    checks.push(await recordsCheck(db, paths.keyslots, args.stateDir === undefined ? null : computerAnchorPath(args.stateDir, args.dataDir)));
  } finally {
    await db.close();
  }
  return finish();
}

/** Verify as the app runs it (decision 0017), with the anchors kept outside the database; each finding a line. */
async function recordsCheck(db: Database, keyslots: string, computerFile: string | null): Promise<Check> {
  try {
    // A folder an earlier version wrote (a restored old backup) has no signatures to check until the app opens it.
    if (!(await hasRosterTable(db))) {
      return { name: CHECK_NAMES.records, ok: true, detail: 'written by a version of the app from before signing began: only the audit chain applies until the app opens these records' };
    }
    const anchors = await readAnchors(new KeyslotStore(keyslots), computerFile);
    const result = await verifyRecords(db, anchors);
    const compared = anchors.length === 0 ? 'no anchor kept outside the database to compare' : `the end of the audit log compared with ${anchors.map((a) => a.source).join(' and ')}`;
    if (result.ok) {
      return { name: CHECK_NAMES.records, ok: true, detail: `${result.auditRows} audit rows, every signature, entry and record checked; ${compared}` };
    }
    const intact = result.lastIntact ? `the audit log was last intact at row ${result.lastIntact.seq} (${result.lastIntact.at})` : 'the audit log is not intact from its first row';
    return {
      name: CHECK_NAMES.records,
      ok: false,
      detail: `${result.findings.length} finding${result.findings.length === 1 ? '' : 's'}; ${intact}`,
      lines: result.findings.map((f) => `${FINDING_KINDS[f.kind]} (${f.kind}) — ${f.where}: ${f.detail}`),
    };
  } catch {
    return { name: CHECK_NAMES.records, ok: false, detail: 'the records could not be read to the end' };
  }
}

function summarise(problems: string[]): string {
  const first = problems.slice(0, 3).join('; ');
  return problems.length > 3 ? `${first}; and ${problems.length - 3} more` : first;
}
