// Issue 22 item 4: the DSL records when each DSL and deputy was last trained; each of them is
// reminded of their own refresher; nobody else may change the dates, and Verify vouches for them.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { addStaff, call, DEPUTY, DSL, expectError, expectOk, HEAD, newCore, setUp, TestClock, unlockAs } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

let core: Core;
let remove: () => Promise<void>;

beforeEach(async () => {
  let dir: string;
  ({ dir, remove } = await makeTempDir('records-training-'));
  core = await newCore(join(dir, 'data'), new TestClock(Date.parse('2026-11-23T09:00:00Z')));
  await setUp(core);
}, 60_000);

afterEach(async () => {
  await core.close();
  await remove();
});

describe('DSL training dates', () => {
  it('are recorded by the DSL, audited, and remind the deputy of their own refresher', async () => {
    const deputy = await addStaff(core, DEPUTY, ['deputy']);
    const head = await addStaff(core, HEAD, ['head']);
    const list = expectOk(await call(core, 'training.list', {}));
    expect(list.people.map((p) => [p.name, p.refresh])).toEqual([
      [DSL.name, null],
      [DEPUTY.name, null],
    ]);

    const after = expectOk(await call(core, 'training.set', { staffId: deputy.id, trainedOn: '2024-12-01' }));
    expect(after.people.find((p) => p.staffId === deputy.id)?.refresh).toEqual({ trainedOn: '2024-12-01', dueBy: '2026-12-01', state: 'due-soon' });
    const audit = expectOk(await call(core, 'audit.list', {}));
    expect(audit.find((row) => row.action === 'settings.changed')).toBeTruthy();
    expect(expectOk(await call(core, 'audit.verify', {})).ok).toBe(true);

    // A date in the future, or someone who is not a DSL or deputy, changes nothing.
    expect(expectError(await call(core, 'training.set', { staffId: deputy.id, trainedOn: '2026-12-25' }), 'invalid_input').fields).toHaveProperty('trainedOn');
    expect(expectError(await call(core, 'training.set', { staffId: head.id, trainedOn: '2026-01-10' }), 'invalid_input').fields).toHaveProperty('staffId');
    expect(expectOk(await call(core, 'training.list', {})).people.find((p) => p.staffId === deputy.id)?.refresh?.trainedOn).toBe('2024-12-01');

    await unlockAs(core, DEPUTY);
    expect(expectOk(await call(core, 'training.mine', {})).refresh).toEqual({ trainedOn: '2024-12-01', dueBy: '2026-12-01', state: 'due-soon' });
    expectError(await call(core, 'training.set', { staffId: deputy.id, trainedOn: '2026-11-01' }), 'forbidden');
    await unlockAs(core, HEAD);
    expect(expectOk(await call(core, 'training.mine', {})).refresh).toBeNull();
  });
});
