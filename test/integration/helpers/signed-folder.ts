// A small data folder made through the core, as a school would make it: every row written by
// the app, signed and audited, so Verify finds nothing in it (and so a backup of it restores).
// Every name here is fictional.
import { call, DEPUTY, DSL, expectOk, newCore, setUp, type TestClock } from './core';

export type SignedFolder = { dataDir: string; recoveryCode: string; pupilName: string; deputyId: number };

const FIRST = ['Juniper', 'Tamsin', 'Rowan', 'Marlowe', 'Ottilie', 'Peregrine', 'Wren', 'Saffron'];
const LAST = ['Ashcombe', 'Oakridge', 'Pennyfeather', 'Thornbury', 'Hazelmere'];

export async function makeSignedFolder(dataDir: string, options: { pupils?: number; clock?: TestClock } = {}): Promise<SignedFolder> {
  const core = await newCore(dataDir, options.clock);
  try {
    const { recoveryCode } = await setUp(core);
    const deputy = expectOk(await call(core, 'staff.add', { name: DEPUTY.name, username: DEPUTY.username, roles: ['deputy'], password: DEPUTY.password, currentPassword: DSL.password }));
    const pupils: { id: number; name: string }[] = [];
    for (let i = 0; i < (options.pupils ?? 6); i += 1) {
      const firstName = FIRST[i % FIRST.length]!;
      const lastName = `${LAST[i % LAST.length]!}${i >= FIRST.length ? ` ${i}` : ''}`;
      const pupil = expectOk(
        await call(core, 'pupils.create', { firstName, lastName, dateOfBirth: '2011-03-04', sex: 'female', yearGroup: '10', sen: false, senDetails: '', lookedAfter: false, socialCare: 'none' }),
      );
      pupils.push({ id: pupil.id, name: `${firstName} ${lastName}` });
    }
    const incident = expectOk(
      await call(core, 'incidents.create', {
        title: 'Image shared in a group chat',
        cameToAttentionOn: '2026-09-14',
        imageryDate: '',
        kind: 'shared-on',
        media: 'photo',
        services: [],
        sharing: 'not_known',
        sharingDetails: '',
      }),
    );
    expectOk(await call(core, 'incidents.addPupil', { incidentId: incident.id, pupilId: pupils[0]!.id, roles: ['pictured'] }));
    const entry = expectOk(
      await call(core, 'entries.create', {
        incidentId: incident.id,
        occurredOn: '2026-09-15',
        occurredTime: '10:00',
        kind: 'conversation',
        body: { withWhom: 'The pupil', byWhom: DSL.name, summary: 'Talked about the photo on her phone.', supportOffered: '' },
      }),
    );
    expectOk(await call(core, 'entries.sign', { entryId: entry.id, meaning: 'record-accurate', username: DSL.username, password: DSL.password }));
    return { dataDir, recoveryCode, pupilName: pupils[0]!.name, deputyId: deputy.id };
  } finally {
    await core.close();
  }
}
