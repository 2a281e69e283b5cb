// Issue 22, item 1 (decision 0032): practice mode opens a separate data folder, switched
// without a restart, and nothing of it reaches the school's records, their search, audit or
// backups. Every name here is fictional.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_CHECK_MS } from '../../electron/core/backup-schedule';
import { restoreBackup } from '../../electron/core/backup/index';
import { createCore, type Core } from '../../electron/core/index';
import { PRACTICE_MARK } from '../../shared/domain/practice';
import { addStaff, call, DEPUTY, DSL, expectError, expectOk, HEAD, setUp, stateDirFor, TestClock, unlockAs } from './helpers/core';
import { snapshotDatabase } from './helpers/db-snapshot';

const CANARY = 'Zephyrine Quobble canary';

function canaryIncident() {
  return {
    title: `${CANARY} shared a photo`,
    cameToAttentionOn: '2026-11-20',
    imageryDate: '',
    kind: 'shared-on' as const,
    media: 'photo' as const,
    services: [],
    sharing: 'not_known' as const,
    sharingDetails: '',
  };
}

async function schoolSearch(core: Core, q: string): Promise<number> {
  const page = expectOk(await call(core, 'chronology.page', { scope: { type: 'school' }, filters: { q }, offset: 0, limit: 50 }));
  return page.total ?? -1;
}

describe('practice mode', () => {
  let root: string;
  let dataDir: string;
  let backupDir: string;
  let clock: TestClock;
  let core: Core;

  function open(): Promise<Core> {
    return createCore({ dataDir, stateDir: stateDirFor(dataDir), appVersion: '0.0.0-test', now: clock.now, chooseFolder: () => Promise.resolve(backupDir), log: () => undefined });
  }

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'records-practice-'));
    dataDir = join(root, 'data');
    backupDir = join(root, 'usb');
    await mkdir(backupDir);
    clock = new TestClock();
    core = await open();
    await setUp(core);
    expectOk(await call(core, 'backups.chooseFolder', { currentPassword: DSL.password }));
    await addStaff(core, DEPUTY, ['deputy']);
  });

  afterEach(async () => {
    vi.useRealTimers();
    await core.close();
    await rm(root, { recursive: true, force: true });
  });

  it('opens a separate, marked folder as a DSL there; nothing of it reaches the real records, their search, audit or backups', async () => {
    await unlockAs(core, DEPUTY);
    expectError(await call(core, 'practice.open', { currentPassword: 'not the deputy password' }), 'bad_credentials');
    const practice = expectOk(await call(core, 'practice.open', { currentPassword: DEPUTY.password }));
    expect(practice).toMatchObject({ state: 'unlocked', practice: true, schoolName: PRACTICE_MARK, user: { name: DEPUTY.name, roles: ['dsl'] } });

    const created = expectOk(await call(core, 'incidents.create', canaryIncident()));
    expectOk(
      await call(core, 'entries.create', {
        incidentId: created.id,
        occurredOn: '2026-11-20',
        occurredTime: '10:15',
        kind: 'conversation',
        body: { withWhom: 'Pupil P (made up)', byWhom: DEPUTY.name, summary: `Talked with P about ${CANARY}.`, supportOffered: '' },
      }),
    );
    expect(await schoolSearch(core, 'Quobble')).toBeGreaterThan(0);
    expect(expectOk(await call(core, 'incidents.list', {})).map((i) => i.id)).toEqual([created.id]);
    // Backups are off in practice: refused, and nothing goes near the school's backup folder.
    expect(expectError(await call(core, 'backups.run', {}), 'forbidden').message).toMatch(/off in practice mode/);
    expectError(await call(core, 'backups.status', {}), 'forbidden');
    expect(await readdir(backupDir)).toEqual([]);

    // Back without a password or a restart.
    const back = expectOk(await call(core, 'practice.close', {}));
    expect(back).toMatchObject({ state: 'unlocked', practice: false, user: { username: DEPUTY.username, roles: ['deputy'] } });
    expect(expectOk(await call(core, 'incidents.list', {}))).toEqual([]);
    expect(await schoolSearch(core, 'Quobble')).toBe(0);
    expect(JSON.stringify(expectOk(await call(core, 'dashboard.get', {})))).not.toContain('Quobble');
    expect(JSON.stringify(expectOk(await call(core, 'due.list', {})))).not.toContain('Quobble');

    // The DSL's view of the audit: the deputy opened and closed practice, and nothing else of it.
    // The school's chain end was never written into the practice folder, nor the other way round.
    expect(await unlockAs(core, DSL)).toMatchObject({ practice: false, problems: [] });
    expect(expectOk(await call(core, 'audit.verify', {})).ok).toBe(true);
    const audit = expectOk(await call(core, 'audit.list', { limit: 200 }));
    const deputyRows = audit.filter((row) => row.actorName === DEPUTY.name).map((row) => row.action);
    expect(deputyRows.filter((a) => a.startsWith('practice.'))).toEqual(['practice.closed', 'practice.opened']);
    expect(audit.map((row) => row.action)).not.toContain('incident.created');
    expect(JSON.stringify(audit)).not.toContain('Quobble');

    // A backup now, and the daily one by the schedule: neither holds the canary.
    const manual = expectOk(await call(core, 'backups.run', {}));
    expect(manual.tables.incidents).toBe(0);
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    await core.close();
    core = await open();
    clock.advance(25 * 60 * 60_000);
    await unlockAs(core, DSL);
    await vi.advanceTimersByTimeAsync(BACKUP_CHECK_MS);
    await vi.waitFor(async () => {
      const triggers = expectOk(await call(core, 'audit.list', {})).filter((r) => r.action === 'backup').map((r) => r.details.trigger);
      expect(triggers).toContain('daily');
    });
    const files = (await readdir(backupDir)).sort();
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const [index, file] of files.entries()) {
      const restored = join(root, `restored-${index}`);
      await restoreBackup({ file: join(backupDir, file), dataDir: restored, credentials: { username: DSL.username, password: DSL.password } });
      expect(JSON.stringify(await snapshotDatabase(restored, DSL))).not.toContain('Quobble');
    }
    await core.close();

    // On disk: the school's records.db never held the canary; the practice folder is its own, beside it.
    expect(JSON.stringify(await snapshotDatabase(dataDir, DSL))).not.toContain('Quobble');
    const practiceDir = `${dataDir}-practice`;
    expect((await readdir(practiceDir)).sort()).toEqual(['keyslots.json', 'login-failures.json', 'practice-access.json', 'records.db']);
    expect(JSON.stringify(await snapshotDatabase(practiceDir, DEPUTY))).toContain('Quobble');
    expect(existsSync(join(dataDir, 'practice-access.json'))).toBe(false);
    core = await open();
  });

  it('gives each person their own slot the first time, in the same practice folder, and a lock locks both', async () => {
    await unlockAs(core, DEPUTY);
    expectOk(await call(core, 'practice.open', { currentPassword: DEPUTY.password }));
    expectOk(await call(core, 'incidents.create', canaryIncident()));
    expectOk(await call(core, 'practice.close', {}));

    await unlockAs(core, DSL);
    await addStaff(core, HEAD, ['head']);
    await unlockAs(core, HEAD);
    const head = expectOk(await call(core, 'practice.open', { currentPassword: HEAD.password }));
    expect(head).toMatchObject({ practice: true, user: { name: HEAD.name, roles: ['dsl'] } });
    // The one practice folder: the deputy's made-up incident is there for the head to practise on too.
    expect(expectOk(await call(core, 'incidents.list', {})).map((i) => i.title)).toEqual([`${CANARY} shared a photo`]);

    // A sign-in while practising is to the school's records, and ends practice first.
    expect(await unlockAs(core, HEAD)).toMatchObject({ practice: false, schoolName: 'Quillfeather Academy' });
    expectOk(await call(core, 'practice.open', { currentPassword: HEAD.password }));

    // Lock while practising: both sessions end, and signing in again lands in the real records.
    expectOk(await call(core, 'session.lock', { reason: 'button' }));
    expect(expectOk(await call(core, 'session.status', {}))).toEqual({ state: 'locked' });
    expect(await unlockAs(core, HEAD)).toMatchObject({ practice: false, schoolName: 'Quillfeather Academy' });
    expect(expectOk(await call(core, 'incidents.list', {}))).toEqual([]);

    await unlockAs(core, DSL);
    const closed = expectOk(await call(core, 'audit.list', { limit: 200 })).filter((row) => row.action === 'practice.closed');
    expect(closed.map((row) => [row.actorName, row.details])).toEqual([
      [HEAD.name, { reason: 'button' }],
      [HEAD.name, { reason: 'button' }],
      [DEPUTY.name, { reason: 'returned' }],
    ]);
  });
});
