import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Database } from '../../../electron/core/db/connection';
import { createCore, type Core } from '../../../electron/core/index';
import { KeyslotStore } from '../../../electron/core/vault/keyslots';
import { call, DSL, expectOk, setUp, stateDirFor, type Person } from './core';

// Fictional throughout. The canaries are words that must never be readable in a package file.
export const SENDING_SCHOOL = 'Quillfeather Academy';
export const CANARY_PUPIL = { firstName: 'Wrenna', lastName: 'Quillibrook' } as const;
export const CANARY_PHRASE = 'the lighthouse keeper’s marmalade sandwich';
export const OTHER_CHILD = 'Rowan Pennyfeather';
export const PASSPHRASE = 'amber kettle orchard violin harbour';

/** A second core's state, made by sendingSchoolWithPackage: where the package is and what the sender expects back. */
export type SentPackage = { packagePath: string; receiptCheck: string; fingerprint: string; transferId: number };

async function receiptCheckOfTransfer(dataDir: string, person: Person, transferId: number): Promise<string | null> {
  const slot = await new KeyslotStore(join(dataDir, 'keyslots.json')).unlockWithPassword(person.username, person.password);
  if (!slot.ok) throw new Error('the DSL’s key slot did not open');
  const db = await Database.open(join(dataDir, 'records.db'), slot.dataKey);
  try {
    const row = await db.get('SELECT receipt_check FROM transfers WHERE id = ?', [transferId]);
    return (row?.['receipt_check'] as string | null | undefined) ?? null;
  } finally {
    await db.close();
    slot.dataKey.fill(0);
  }
}

function coreAt(dataDir: string, outDir: string, now: () => Date): Promise<Core> {
  return createCore({
    dataDir,
    stateDir: stateDirFor(dataDir),
    appVersion: '0.0.0-test',
    now,
    log: () => undefined,
    chooseSavePath: (suggested) => Promise.resolve(join(outDir, suggested)),
  });
}

/**
 * The sending school, set up in `dir`: a pupil (the canary name) on an incident with another
 * child, a conversation entry (the canary phrase) signed by the DSL, then amended and signed again,
 * a transfer of the pupil's file naming no other child, and its package made with PASSPHRASE.
 */
export async function sendingSchoolWithPackage(dir: string): Promise<SentPackage> {
  const dataDir = join(dir, 'sender');
  const outDir = join(dir, 'sent');
  await mkdir(outDir, { recursive: true });
  const now = () => new Date('2026-11-27T10:00:00Z');
  let core = await coreAt(dataDir, outDir, now);
  let transferId: number;
  try {
    await setUp(core, { school: SENDING_SCHOOL });
    const pupilId = expectOk(
      await call(core, 'pupils.create', { ...CANARY_PUPIL, dateOfBirth: '2012-02-03', sex: 'female', yearGroup: '9', sen: false, senDetails: '', lookedAfter: false, socialCare: 'none' }),
    ).id;
    const incident = expectOk(
      await call(core, 'incidents.create', { title: 'Image shared in a group chat', cameToAttentionOn: '2026-09-14', imageryDate: '', kind: 'shared-on', media: 'photo', services: [], sharing: 'not_known', sharingDetails: '' }),
    );
    expectOk(await call(core, 'incidents.addPupil', { incidentId: incident.id, pupilId, roles: ['pictured'] }));
    expectOk(await call(core, 'incidents.addOtherPerson', { incidentId: incident.id, person: { kind: 'young_person', name: OTHER_CHILD, setting: 'Larkspur College' }, roles: ['received'] }));
    const timing = { occurredOn: '2026-09-15', occurredTime: '10:00' };
    const body = (summary: string) => ({ withWhom: 'The pupil', byWhom: DSL.name, summary, supportOffered: '' });
    const entry = expectOk(await call(core, 'entries.create', { incidentId: incident.id, ...timing, kind: 'conversation', body: body(`Talked about the photo and ${CANARY_PHRASE}.`) }));
    expectOk(await call(core, 'entries.sign', { entryId: entry.id, meaning: 'record-accurate', username: DSL.username, password: DSL.password }));
    const revised = expectOk(
      await call(core, 'entries.revise', { entryId: entry.id, ...timing, reason: 'Added who was there', kind: 'conversation', body: body(`Talked about the photo and ${CANARY_PHRASE}, her mother there.`) }),
    );
    expectOk(await call(core, 'entries.sign', { entryId: revised.id, meaning: 'record-accurate', username: DSL.username, password: DSL.password }));
    transferId = expectOk(
      await call(core, 'transfers.prepare', {
        pupilId,
        receivingSchool: 'Larkspur High School',
        receivingDsl: 'Fictional receiving DSL',
        receivingContact: 'dsl@larkspur.example',
        method: 'secure-email',
        dueOn: '2026-11-30',
        fileOptions: { namedChildren: [], otherEntries: 'include' },
        coveringLetter: 'Fictional covering letter.',
      }),
    ).id;
  } finally {
    await core.close();
  }

  core = await coreAt(dataDir, outDir, now);
  let made: Awaited<ReturnType<typeof makePackage>>;
  try {
    made = await makePackage(core, transferId);
  } finally {
    await core.close();
  }
  const receiptCheck = await receiptCheckOfTransfer(dataDir, DSL, transferId);
  if (!receiptCheck) throw new Error('no receipt check was kept');
  return { packagePath: join(outDir, made.fileName), receiptCheck, fingerprint: made.fingerprint, transferId };
}

async function makePackage(core: Core, transferId: number): Promise<{ fileName: string; fingerprint: string }> {
  expectOk(await call(core, 'session.unlock', { username: DSL.username, password: DSL.password }));
  const made = expectOk(await call(core, 'transfers.makePackage', { transferId, passphrase: PASSPHRASE, currentPassword: DSL.password }));
  if (!made.saved) throw new Error('the package was not saved');
  return made;
}
