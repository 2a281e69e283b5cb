// Issue 14 items 6, 8 and 9 on paper: the incident report prints each correction (from → to,
// who, when, why) and each reopening, in its own section and in the chronology; a voided
// incident prints "VOIDED" on every page and the reason on the cover. Read back with pdftotext.
// Demo data: a fictional school and people.
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import { generateDemoData } from '../../scripts/demo/generate';
import type { IncidentDetail, IncidentSummary } from '../../shared/ipc/contract';
import { call, DSL, expectOk } from './helpers/core';
import { makeTempDir } from './helpers/temp-dir';

const pdfText = (file: string, page?: number): string =>
  execFileSync('pdftotext', [...(page === undefined ? [] : ['-f', String(page), '-l', String(page)]), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
const pageCount = (file: string): number => Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);

let core: Core;
let outDir: string;
let remove: () => Promise<void>;
let incidents: IncidentSummary[];

beforeAll(async () => {
  const temp = await makeTempDir('records-lifecycle-pdf-');
  remove = temp.remove;
  const dataDir = join(temp.dir, 'data');
  outDir = join(temp.dir, 'out');
  await mkdir(outDir);
  await generateDemoData({ dataDir, pupils: 12, incidents: 6, entries: 60, seed: 3 });
  core = await createCore({ dataDir, appVersion: '0.0.0-test', log: () => undefined, chooseSavePath: (suggested) => Promise.resolve(join(outDir, suggested)) });
  expectOk(await call(core, 'session.unlock', { username: DSL.username, password: DSL.password }));
  incidents = expectOk(await call(core, 'incidents.list', { status: 'all' }));
}, 60_000);

afterAll(async () => {
  await core?.close();
  if (!process.env.KEEP_PDFS) await remove?.();
});

async function report(incidentId: number): Promise<string> {
  const result = expectOk(await call(core, 'exports.pdf', { currentPassword: DSL.password, document: { type: 'incident-report', incidentId }, namedChildren: [] }));
  if (!result.saved) return expect.fail('expected the PDF to be saved');
  return join(outDir, result.fileName);
}

const get = async (incidentId: number): Promise<IncidentDetail> => expectOk(await call(core, 'incidents.get', { incidentId }));

describe('the incident report of a corrected and reopened incident', () => {
  it('prints each correction and the reopening, with who, when and why, in its own section and in the chronology', async () => {
    const closed = incidents.find((i) => i.status === 'closed')!;
    expectOk(await call(core, 'incidents.reopen', { incidentId: closed.id, reason: 'The police passed on new information' }));
    const { incident } = await get(closed.id);
    expectOk(
      await call(core, 'incidents.correct', {
        incidentId: closed.id,
        title: incident.title,
        cameToAttentionOn: incident.cameToAttentionOn,
        imageryDate: incident.imageryDate,
        kind: incident.kind,
        media: 'video',
        services: incident.services,
        sharing: incident.sharing,
        sharingDetails: incident.sharingDetails,
        reason: 'It was a short video, not a photo',
      }),
    );
    const text = pdfText(await report(closed.id));
    expect(text).toContain('Changes to the incident record');
    expect(text).toMatch(/Status Open \(reopened on \d+ \w+ \d{4}, \d\d:\d\d\)/);
    // Once in the history section and once in the chronology.
    expect(text.match(/Incident reopened/g)).toHaveLength(2);
    expect(text.match(/Incident details corrected/g)).toHaveLength(2);
    expect(text).toMatch(/Photo or video: “[^”]+” changed to “Video”/);
    expect(text).toContain('It was a short video, not a photo');
    expect(text).toContain('The police passed on new information');
    expect(text).toContain(DSL.name);
    expect(text).not.toContain('VOIDED');
  });
});

describe('the incident report of a voided incident', () => {
  it('says VOIDED on every page and gives who voided it, when and why on the cover', async () => {
    // Any incident but the one reopened above; the demo's may all be closed, and a closed one can be voided too.
    const open = incidents.find((i) => i.status === 'open') ?? incidents.filter((i) => i.status === 'closed')[1]!;
    expectOk(await call(core, 'incidents.void', { incidentId: open.id, reason: 'A duplicate of another incident, opened twice by mistake' }));
    const file = await report(open.id);
    const pages = pageCount(file);
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page += 1) expect(pdfText(file, page), `page ${page}`).toContain('VOIDED — opened by mistake; not a current record');
    expect(pdfText(file, 1)).toMatch(
      new RegExp(`Voided on \\d+ \\w+ \\d{4}, \\d\\d:\\d\\d by ${DSL.name}\\. Reason: A duplicate of another incident, opened twice by mistake`),
    );
    expect(pdfText(file)).toContain('Voided (opened by mistake)');
  });
});
