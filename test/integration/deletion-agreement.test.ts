// Issue 18 item 4 through the core: once the police or children's social care know of an
// incident, a deletion is recorded only with the DSL's word that they agreed to it or know of
// it (UKCCIS 2016, section 2, "Deletion of images": deletion follows a decision that other
// agencies need not be involved).
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import type { Input } from '../../shared/ipc/contract';
import { call, createIncident, expectError, expectOk, newCore, setUp, TestClock } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

let core: Core;
let remove: () => Promise<void>;

beforeEach(async () => {
  let dir: string;
  ({ dir, remove } = await makeTempDir('records-deletion-'));
  core = await newCore(join(dir, 'data'), new TestClock(Date.parse('2026-11-23T12:00:00Z')));
  await setUp(core);
});

afterEach(async () => {
  await core.close();
  await remove();
});

function deletion(incidentId: number, otherAgencyAgreed?: boolean): Input<'entries.create'> {
  return {
    incidentId,
    occurredOn: '2026-11-23',
    occurredTime: '10:00',
    kind: 'deletion',
    body: {
      mode: 'pupils-asked',
      pupils: 'Pupil A and Pupil B',
      where: 'Phones and a shared album',
      deadline: '2026-11-24',
      toldOfLaw: true,
      confirmedOn: '',
      confirmedHow: '',
      ...(otherAgencyAgreed === undefined ? {} : { otherAgencyAgreed }),
    },
  };
}

const policeReport = (incidentId: number): Input<'entries.create'> => ({
  incidentId,
  occurredOn: '2026-11-22',
  occurredTime: '15:00',
  kind: 'police-report',
  body: { route: '101', toWhom: 'PC Fictional Quillon, 4471', crimeReference: 'FIC/0001/26' },
});

const socialCare = (incidentId: number, referralMade: 'yes' | 'no', alreadyInvolved: 'yes' | 'no'): Input<'entries.create'> => ({
  incidentId,
  occurredOn: '2026-11-22',
  occurredTime: '15:30',
  kind: 'social-care',
  body: { alreadyInvolved, referralMade, ...(referralMade === 'yes' ? { target: 'childrens-social-care', contact: 'Duty social worker (fictional)' } : {}) },
});

describe('deletion when another agency is involved', () => {
  it('records a deletion without the tick when the school manages the incident alone', async () => {
    const incidentId = await createIncident(core, '2026-11-20');
    expectOk(await call(core, 'entries.create', deletion(incidentId)));
  });

  it('refuses it after a report to the police, with the message on the tick, and writes nothing', async () => {
    const incidentId = await createIncident(core, '2026-11-20');
    expectOk(await call(core, 'entries.create', policeReport(incidentId)));
    const error = expectError(await call(core, 'entries.create', deletion(incidentId)), 'invalid_input');
    expect(error.fields?.['body.otherAgencyAgreed']).toBe('The police are involved: confirm they have agreed to the deletion, or know of it, before recording it');
    const detail = expectOk(await call(core, 'incidents.get', { incidentId }));
    expect(detail.entries.map((e) => e.kind)).toEqual(['police-report']);
    expect(detail.otherAgencies).toEqual(['police']);
  });

  it('accepts it with the tick, and shows the tick among the answers', async () => {
    const incidentId = await createIncident(core, '2026-11-20');
    expectOk(await call(core, 'entries.create', policeReport(incidentId)));
    const entry = expectOk(await call(core, 'entries.create', deletion(incidentId, true)));
    expect(entry.body).toMatchObject({ otherAgencyAgreed: true });
  });

  it('refuses it when children’s social care were already involved, though no referral was made', async () => {
    const incidentId = await createIncident(core, '2026-11-20');
    expectOk(await call(core, 'entries.create', socialCare(incidentId, 'no', 'yes')));
    const error = expectError(await call(core, 'entries.create', deletion(incidentId, false)), 'invalid_input');
    expect(error.fields?.['body.otherAgencyAgreed']).toMatch(/^Children’s social care are involved/);
  });

  it('does not count a contact that found social care not involved and made no referral', async () => {
    const incidentId = await createIncident(core, '2026-11-20');
    expectOk(await call(core, 'entries.create', socialCare(incidentId, 'no', 'no')));
    expectOk(await call(core, 'entries.create', deletion(incidentId)));
  });

  it('refuses an amendment that takes the tick away once the police are involved', async () => {
    const incidentId = await createIncident(core, '2026-11-20');
    const entry = expectOk(await call(core, 'entries.create', deletion(incidentId)));
    expectOk(await call(core, 'entries.create', policeReport(incidentId)));
    expectError(await call(core, 'entries.revise', { entryId: entry.id, ...deletionWithoutIncident(incidentId, false) }), 'invalid_input');
    expectOk(await call(core, 'entries.revise', { entryId: entry.id, ...deletionWithoutIncident(incidentId, true) }));
  });
});

function deletionWithoutIncident(incidentId: number, agreed: boolean) {
  const { incidentId: _incident, ...content } = deletion(incidentId, agreed);
  return content;
}
