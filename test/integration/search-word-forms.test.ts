// Search finds the forms of a word (issue 14, item 15): "blackmail" finds entries that say
// "blackmailed", "blackmailing" or "blackmails", and what is highlighted is the word found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/index';
import { highlightParts } from '../../shared/domain/chronology';
import type { ChronologyRow } from '../../shared/ipc/contract-chronology';
import { call, createIncident, DSL, expectOk, newCore, setUp } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

let core: Core;
let remove: () => Promise<void>;
const created: Record<string, number> = {};

const SUMMARIES = {
  blackmailed: 'Juniper said she was blackmailed for more photos after the first one.',
  blackmailing: 'An older pupil has been blackmailing Rowan on Snapchat since half term.',
  blackmails: 'Parent worried the sender blackmails other children in the year group.',
  unrelated: 'Talked about the trampoline club and how the week went.',
  threatened: 'Rowan felt threatened by the messages and stopped replying.',
} as const;

beforeAll(async () => {
  const temp = await makeTempDir('records-word-forms-');
  remove = temp.remove;
  core = await newCore(temp.dir);
  await setUp(core);
  const incidentId = await createIncident(core);
  for (const [key, summary] of Object.entries(SUMMARIES)) {
    const entry = expectOk(
      await call(core, 'entries.create', {
        incidentId,
        occurredOn: '2026-09-15',
        occurredTime: '10:00',
        kind: 'conversation',
        body: { withWhom: 'A pupil', byWhom: DSL.name, summary, supportOffered: '' },
      }),
    );
    created[key] = entry.id;
  }
}, 60_000);

afterAll(async () => {
  await core?.close();
  await remove?.();
});

async function search(q: string): Promise<{ rows: ChronologyRow[]; terms: string[] }> {
  const page = expectOk(await call(core, 'chronology.page', { scope: { type: 'school' }, filters: { q }, offset: 0, limit: 100 }));
  return { rows: page.rows, terms: page.terms };
}

const marked = (text: string, terms: readonly string[]) => highlightParts(text, terms).filter((p) => p.match).map((p) => p.text);

describe('searching by any form of a word', () => {
  it('finds “blackmailed”, “blackmailing” and “blackmails” when searching “blackmail”, and nothing else', async () => {
    const { rows } = await search('blackmail');
    expect(rows.map((r) => r.id).sort()).toEqual([created.blackmailed, created.blackmailing, created.blackmails].sort());
  });

  it('finds every form from any other form', async () => {
    for (const q of ['blackmailed', 'blackmailing', 'Blackmails']) {
      expect((await search(q)).rows, q).toHaveLength(3);
    }
    expect((await search('threatening')).rows.map((r) => r.id)).toEqual([created.threatened]);
    expect((await search('stopping replies')).rows.map((r) => r.id)).toEqual([created.threatened]);
  });

  it('still finds the start of a word as it is typed', async () => {
    expect((await search('blackm')).rows).toHaveLength(3);
    expect((await search('tramp')).rows.map((r) => r.id)).toEqual([created.unrelated]);
  });

  it('highlights the word each entry was found by, in the extract shown', async () => {
    const { rows, terms } = await search('blackmail');
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(marked(byId.get(created.blackmailed!)!.snippet!, terms)).toEqual(['blackmailed']);
    expect(marked(byId.get(created.blackmailing!)!.snippet!, terms)).toEqual(['blackmailing']);
    expect(marked(byId.get(created.blackmails!)!.snippet!, terms)).toEqual(['blackmails']);
  });

  it('finds an incident by a form of a word in its title', async () => {
    const incidentId = expectOk(
      await call(core, 'incidents.create', {
        title: 'Pupil blackmailed into sending a photo',
        cameToAttentionOn: '2026-09-20',
        imageryDate: '',
        kind: 'shared-on',
        media: 'photo',
        services: [],
        sharing: 'not_known',
        sharingDetails: '',
      }),
    ).id;
    const entry = expectOk(
      await call(core, 'entries.create', {
        incidentId,
        occurredOn: '2026-09-20',
        occurredTime: '09:00',
        kind: 'conversation',
        body: { withWhom: 'A pupil', byWhom: DSL.name, summary: 'First conversation about the concern.', supportOffered: '' },
      }),
    );
    const { rows, terms } = await search('blackmailing conversation');
    expect(rows.map((r) => r.id)).toEqual([entry.id]);
    expect(marked(rows[0]!.incidentTitle, terms)).toEqual(['blackmailed']);
  });
});
