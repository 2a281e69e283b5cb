// Issue 7: the printed record, read back with pdftotext (Debian poppler-utils). The data is
// generated demo data (fictional school and people) plus one entry typed here with names in
// its free text, so redaction is tested where it is hardest: inside what staff wrote.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import { generateDemoData } from '../../scripts/demo/generate';
import { STEPS } from '../../shared/domain/completeness';
import { ENTRY_KIND_DEFINITIONS } from '../../shared/domain/entries/kinds';
import { PERSON_ROLE_LABELS } from '../../shared/domain/incidents';
import { SIGNATURE_MEANINGS } from '../../shared/domain/signatures';
import type { IncidentDetail } from '../../shared/ipc/contract';
import { call, DSL, expectError, expectOk } from './helpers/core';
import { listFiles, makeTempDir } from './helpers/temp-dir';

/** The PDF's text with line breaks and runs of spaces folded, so wrapped phrases still match. */
function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', [...range, file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

function pageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();
const word = (w: string) => new RegExp(`(?<![\\p{L}\\p{N}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'iu');

let dataDir: string;
let outDir: string;
let removeAll: () => Promise<void>;
let core: Core;
/** Where the next export goes; null plays a cancelled save dialog. */
let nextPath: string | null = null;
let incident: IncidentDetail;

beforeAll(async () => {
  const temp = await makeTempDir('records-pdf-');
  removeAll = temp.remove;
  dataDir = join(temp.dir, 'data');
  outDir = join(temp.dir, 'out');
  await generateDemoData({ dataDir, pupils: 30, incidents: 8, entries: 320, seed: 11 });
  await import('node:fs/promises').then((fs) => fs.mkdir(outDir));
  core = await createCore({
    dataDir,
    appVersion: '0.0.0-test',
    log: () => undefined,
    chooseSavePath: (suggested) => Promise.resolve(nextPath === null ? null : join(outDir, nextPath === '' ? suggested : nextPath)),
  });
  expectOk(await call(core, 'session.unlock', { username: DSL.username, password: DSL.password }));

  // The incident with the most kinds of entry, and at least two pupils, covers most sections.
  const list = expectOk(await call(core, 'incidents.list', { status: 'all' }));
  const details: IncidentDetail[] = [];
  for (const summary of list) details.push(expectOk(await call(core, 'incidents.get', { incidentId: summary.id })));
  const kinds = (d: IncidentDetail) => new Set(d.entries.map((e) => e.kind)).size;
  incident = details.filter((d) => d.people.filter((p) => p.pupil).length >= 2).sort((a, b) => kinds(b) - kinds(a))[0]!;
}, 120_000);

afterAll(async () => {
  await core?.close();
  await removeAll?.();
});

async function exportPdf(document: Parameters<typeof call<'exports.pdf'>>[2]['document'], namedChildren: string[], path = ''): Promise<string> {
  nextPath = path;
  const result = expectOk(await call(core, 'exports.pdf', { currentPassword: DSL.password, document, namedChildren }));
  if (!result.saved) expect.fail('expected the PDF to be saved');
  return join(outDir, result.fileName);
}

const pupilKeys = () => incident.people.flatMap((p) => (p.pupil ? [`pupil:${p.pupil.id}`] : []));

describe('the incident report', () => {
  let file: string;
  let text: string;

  beforeAll(async () => {
    file = await exportPdf({ type: 'incident-report', incidentId: incident.incident.id }, pupilKeys(), 'full-report.pdf');
    text = pdfText(file);
  });

  it('is a PDF with every section of the guidance’s path', async () => {
    expect((await readFile(file)).subarray(0, 5).toString()).toBe('%PDF-');
    for (const heading of ['Incident report', 'Summary', 'People and their roles', 'What the record still lacks', 'Full chronology', ...STEPS.map((s) => s.label)]) {
      expect(text).toContain(heading);
    }
  });

  it('says on its first page what the record is, in today’s words and the 2016 advice’s', () => {
    const first = pdfText(file, 1);
    expect(first).toContain('A record of sharing nudes and semi-nudes by young people under 18');
    expect(first).toContain('“youth produced sexual imagery” in the 2016 UKCCIS advice');
  });

  it('prints the summary, the people with their roles and ages, and the gaps', () => {
    const i = incident.incident;
    expect(text).toContain(i.reference);
    expect(text).toContain(fold(i.title));
    for (const service of i.services) expect(text).toContain(service);
    for (const person of incident.people.filter((p) => p.pupil)) {
      expect(text).toContain(`${person.pupil!.firstName} ${person.pupil!.lastName}`);
      for (const role of person.roles) expect(text).toContain(PERSON_ROLE_LABELS[role]);
    }
    for (const gap of incident.gaps) expect(text).toContain(fold(gap.message));
  });

  it('prints every entry with its key facts, and every signature with the start of its hash', () => {
    for (const entry of incident.entries) {
      expect(text).toContain(ENTRY_KIND_DEFINITIONS[entry.kind].label);
      const fact = (key: string) => {
        const value = entry.body[key];
        return typeof value === 'string' ? fold(value) : '';
      };
      if (entry.kind === 'police-report') expect(text).toContain(fact('crimeReference'));
      if (entry.kind === 'device') expect(text).toContain(fact('description'));
      if (entry.kind === 'viewing-log') expect(text).toContain(fact('place'));
      if (entry.kind === 'initial-review') for (const n of [1, 2, 3, 4, 5]) expect(text).toContain(`Point ${n}:`);
      for (const signature of entry.signatures) {
        expect(text).toContain(signature.contentHash.slice(0, 12));
        expect(text).toContain(fold(SIGNATURE_MEANINGS[signature.meaning]));
      }
    }
    if (incident.entries.some((e) => !e.latest)) expect(text).toContain('SUPERSEDED');
  });

  it('numbers every page "page n of m" with the right total, and marks each one OFFICIAL-SENSITIVE top and bottom', () => {
    const pages = pageCount(file);
    expect(pages).toBeGreaterThan(3);
    for (let page = 1; page <= pages; page++) {
      const onPage = pdfText(file, page);
      expect(onPage).toContain(`page ${page} of ${pages}`);
      expect(onPage.match(/OFFICIAL-SENSITIVE/g)).toHaveLength(2);
      expect(onPage).toContain(`Printed by ${DSL.name}`);
      expect(onPage).toContain(incident.incident.reference);
    }
  });

  it('never holds the path of the data folder', async () => {
    expect(text).not.toContain(dataDir);
    expect((await readFile(file)).includes(Buffer.from(dataDir))).toBe(false);
  });
});

describe('redaction per audience', () => {
  it('withholds every other child’s first name, surname and full name, even inside typed text', async () => {
    const pupil = (firstName: string, lastName: string) =>
      call(core, 'pupils.create', { firstName, lastName, dateOfBirth: '2012-03-04', sex: 'not_known', yearGroup: '9', sen: false, senDetails: '', lookedAfter: false, socialCare: 'none' });
    const named = expectOk(await pupil('Tamsin', 'Oakridge'));
    const withheld = expectOk(await pupil('Rufus', 'Pennywhistle'));
    const created = expectOk(
      await call(core, 'incidents.create', { title: 'Image shared after football practice', cameToAttentionOn: '2026-11-20', imageryDate: '', kind: 'shared-on', media: 'photo', services: ['Snapchat'], sharing: 'not_known', sharingDetails: '' }),
    );
    expectOk(await call(core, 'incidents.addPupil', { incidentId: created.id, pupilId: named.id, roles: ['pictured'] }));
    expectOk(await call(core, 'incidents.addPupil', { incidentId: created.id, pupilId: withheld.id, roles: ['sent'] }));
    const typed = 'Rufus said Tamsin had the video. PENNYWHISTLE and Tamsin Oakridge were seen with Rufus Pennywhistle’s phone; rufus denied it.';
    expectOk(
      await call(core, 'entries.create', {
        incidentId: created.id,
        occurredOn: '2026-11-20',
        occurredTime: '10:15',
        kind: 'disclosure',
        body: { source: 'young_person', sourceName: 'Rufus', toldTo: DSL.name, means: 'in_person', whatWasSaid: typed, immediateActions: '' },
      }),
    );
    const file = await exportPdf({ type: 'incident-report', incidentId: created.id }, [`pupil:${named.id}`], 'redacted.pdf');
    const text = pdfText(file);
    for (const part of ['Rufus', 'Pennywhistle', 'Rufus Pennywhistle']) expect(text).not.toMatch(word(part));
    expect(text).toContain('Tamsin Oakridge');
    expect(text).toContain('Names of other children withheld: 1 child is shown as Pupil A.');
    expect(text).toContain('Pupil A said Tamsin had the video. Pupil A and Tamsin Oakridge were seen with Pupil A’s phone; Pupil A denied it.');
  });

  it('labels the same child the same way in every incident of a pupil file', async () => {
    const subject = incident.people.find((p) => p.pupil)!.pupil!;
    const file = await exportPdf({ type: 'pupil-file', pupilId: subject.id }, [`pupil:${subject.id}`], 'pupil-file.pdf');
    const text = pdfText(file);
    expect(text).toContain(`${subject.firstName} ${subject.lastName}`);
    expect(text).toContain(incident.incident.reference);
    for (const other of incident.people.filter((p) => p.pupil && p.pupil.id !== subject.id)) {
      expect(text).not.toMatch(word(`${other.pupil!.firstName} ${other.pupil!.lastName}`));
    }
    const pages = pageCount(file);
    expect(pdfText(file, pages)).toContain(`page ${pages} of ${pages}`);
  });
});

describe('long accounts', () => {
  it('prints every word of an account longer than a page, split across pages rather than cut', async () => {
    const created = expectOk(
      await call(core, 'incidents.create', { title: 'Long account of a shared video', cameToAttentionOn: '2026-11-21', imageryDate: '', kind: 'self-shared', media: 'video', services: [], sharing: 'not_known', sharingDetails: '' }),
    );
    const words = Array.from({ length: 1100 }, (_, i) => `w${i + 1}`);
    const account = [0, 1, 2, 3].map((p) => words.slice(p * 275, (p + 1) * 275).join(' ')).join('\n\n');
    expect(account.length).toBeLessThanOrEqual(8000);
    expectOk(
      await call(core, 'entries.create', {
        incidentId: created.id,
        occurredOn: '2026-11-21',
        occurredTime: '09:00',
        kind: 'disclosure',
        body: { source: 'staff', sourceName: '', toldTo: DSL.name, means: 'in_person', whatWasSaid: account, immediateActions: 'Closing words after the long account.' },
      }),
    );
    const file = await exportPdf({ type: 'incident-report', incidentId: created.id }, [], 'long.pdf');
    const printed = new Set(pdfText(file).split(' '));
    expect(words.filter((w) => !printed.has(w))).toEqual([]);
    expect(pdfText(file)).toContain('Closing words after the long account.');
  });
});

describe('the export itself', () => {
  it('is recorded in the audit log: who, what, which redaction, where', async () => {
    const withheldFrom = pupilKeys().slice(1);
    await exportPdf({ type: 'incident-chronology', incidentId: incident.incident.id }, pupilKeys().slice(0, 1), 'chronology.pdf');
    const [row] = expectOk(await call(core, 'audit.list', { limit: 1 }));
    expect(row).toMatchObject({ action: 'export', actorName: DSL.name, subjectType: 'incident', subjectId: String(incident.incident.id) });
    expect(row!.details).toMatchObject({ document: 'incident-chronology', namedChildren: pupilKeys().slice(0, 1), withheldCount: withheldFrom.length, file: 'chronology.pdf' });
    expect(expectOk(await call(core, 'audit.verify', {})).ok).toBe(true);
  });

  it('writes nothing and records nothing when the save dialog is cancelled', async () => {
    const before = await listFiles(outDir);
    const [lastBefore] = expectOk(await call(core, 'audit.list', { limit: 1 }));
    nextPath = null;
    expect(expectOk(await call(core, 'exports.pdf', { currentPassword: DSL.password, document: { type: 'incident-report', incidentId: incident.incident.id }, namedChildren: [] }))).toEqual({ saved: false });
    expect(await listFiles(outDir)).toEqual(before);
    expect(expectOk(await call(core, 'audit.list', { limit: 1 }))[0]!.seq).toBe(lastBefore!.seq);
  });

  it('refuses the data folder, a missing folder and children not in the document, changing nothing', async () => {
    const [lastBefore] = expectOk(await call(core, 'audit.list', { limit: 1 }));
    const document = { type: 'incident-report' as const, incidentId: incident.incident.id };
    nextPath = join('..', 'data', 'copy.pdf');
    expect(expectError(await call(core, 'exports.pdf', { currentPassword: DSL.password, document, namedChildren: [] }), 'not_saved').message).toMatch(/data folder/);
    expect(existsSync(join(dataDir, 'copy.pdf'))).toBe(false);
    nextPath = join('no-such-folder', 'x.pdf');
    expect(expectError(await call(core, 'exports.pdf', { currentPassword: DSL.password, document, namedChildren: [] }), 'not_saved').message).toMatch(/no longer exists/);
    nextPath = '';
    expectError(await call(core, 'exports.pdf', { currentPassword: DSL.password, document, namedChildren: ['pupil:999999'] }), 'invalid_input');
    expect(expectOk(await call(core, 'audit.list', { limit: 1 }))[0]!.seq).toBe(lastBefore!.seq);
  });

  it('offers a file name without any child’s name and names only the subject of a pupil’s document by default', async () => {
    const options = expectOk(await call(core, 'exports.options', { document: { type: 'incident-report', incidentId: incident.incident.id } }));
    expect(options.suggestedFileName).toMatch(new RegExp(`^${incident.incident.reference}-report-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
    expect(options.children.every((c) => !c.namedByDefault)).toBe(true);
    const subject = incident.people.find((p) => p.pupil)!.pupil!;
    const pupilOptions = expectOk(await call(core, 'exports.options', { document: { type: 'pupil-chronology', pupilId: subject.id } }));
    expect(pupilOptions.suggestedFileName).toBe(`pupil-${subject.id}-chronology-${pupilOptions.suggestedFileName.slice(-14, -4)}.pdf`);
    expect(pupilOptions.children.filter((c) => c.namedByDefault).map((c) => c.key)).toEqual([`pupil:${subject.id}`]);
  });
});
