// Closing an incident: only when nothing is missing for its path and a DSL has signed the
// review and closure. The demo data (fictional) has closed incidents; a new one has gaps.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { generateDemoData } from '../../scripts/demo/generate';
import type { IncidentSummary } from '../../shared/ipc/contract';
import { call, createIncident, DSL, expectError, expectOk, newCore, unlockAs } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

let core: Core;
let remove: () => Promise<void>;
let incidents: IncidentSummary[];

beforeAll(async () => {
  const temp = await makeTempDir('records-close-');
  remove = temp.remove;
  const dataDir = join(temp.dir, 'data');
  await generateDemoData({ dataDir, pupils: 20, incidents: 12, entries: 150, seed: 5 });
  core = await newCore(dataDir);
  await unlockAs(core, DSL);
  incidents = expectOk(await call(core, 'incidents.list', { status: 'all' }));
}, 60_000);

afterAll(async () => {
  await core?.close();
  await remove?.();
});

describe('closing an incident', () => {
  it('refuses one that is already closed, and one that does not exist', async () => {
    const closed = incidents.find((i) => i.status === 'closed')!;
    expect(expectError(await call(core, 'incidents.close', { incidentId: closed.id }), 'conflict').message).toBe(`${closed.reference} is already closed.`);
    expectError(await call(core, 'incidents.close', { incidentId: 999_999 }), 'not_found');
  });

  it('refuses one with gaps, saying how many things are missing, and leaves it open', async () => {
    const incidentId = await createIncident(core);
    const detail = expectOk(await call(core, 'incidents.get', { incidentId }));
    const n = detail.gaps.length;
    expect(n).toBeGreaterThan(0);
    expect(expectError(await call(core, 'incidents.close', { incidentId }), 'conflict').message).toBe(
      `${detail.incident.reference} cannot be closed yet: ${n} thing${n === 1 ? ' is' : 's are'} missing from the record.`,
    );
    expect(expectOk(await call(core, 'incidents.get', { incidentId })).incident.status).toBe('open');
  });
});
