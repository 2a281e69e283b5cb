// Issue 14 item 12: names print as typed, in every script a school meets. Pupils with
// fictional names in Latin scripts with diacritics, Greek, Cyrillic, Arabic and Hebrew are on
// two incidents; their incident report, pupil file and chronology are read back with
// pdftotext: every name is found as typed, nothing is drawn as a box (.notdef), right-to-left
// names are drawn right to left, and a reference never breaks across lines.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/index';
import { defaultFontsDir, FONT_FAMILIES, glyphCoverage } from '../../electron/core/pdf/fonts';
import type { Input } from '../../shared/ipc/contract';
import { call, DSL, expectOk, setUp } from './helpers/core';
import { notdefCount, readingText, wordBoxes, type WordBox } from '../support/pdf-read';
import { makeTempDir } from './helpers/temp-dir';

const NAMES = [
  ['Zofia', 'Wąsowska-Łukasik'], // Polish
  ['Nguyễn', 'Thị Hương'], // Vietnamese
  ['Siân', 'Ŵyn'], // Welsh
  ['Seán', 'Ó Briain'], // Irish
  ['Ayşe', 'Yılmaz Çağlar'], // Turkish
  ['Ελένη', 'Παπαδοπούλου'], // Greek
  ['Дарья', 'Соколова'], // Cyrillic
  ['ليلى', 'حسن'], // Arabic
  ['נועה', 'כהן'], // Hebrew
] as const;
const RIGHT_TO_LEFT = [NAMES[7], NAMES[8]];
const fullName = ([first, last]: readonly [string, string]) => `${first} ${last}`;
const REFERENCE = /^YPSI-\d{4}-\d{3}$/u;

let core: Core;
let removeAll: () => Promise<void>;
let outDir: string;
let pupilIds: number[];
let incidentIds: number[];

function pupilInput(firstName: string, lastName: string, index: number): Input<'pupils.create'> {
  return { firstName, lastName, dateOfBirth: `2011-0${1 + (index % 9)}-1${index % 9}`, sex: 'not_known', yearGroup: '10', sen: false, senDetails: '', lookedAfter: false, socialCare: 'none' };
}

async function addIncident(title: string, day: string): Promise<number> {
  const incident = expectOk(
    await call(core, 'incidents.create', { title, cameToAttentionOn: `2026-11-${day}`, imageryDate: '', kind: 'shared-on', media: 'photo', services: ['Snapchat'], sharing: 'not_known', sharingDetails: '' }),
  );
  for (const pupilId of pupilIds) expectOk(await call(core, 'incidents.addPupil', { incidentId: incident.id, pupilId, roles: ['received'] }));
  // Free text names everyone too: the chronology prints it in its narrow "What was recorded" column.
  for (const [i, name] of NAMES.entries()) {
    expectOk(
      await call(core, 'entries.create', {
        incidentId: incident.id,
        occurredOn: `2026-11-${day}`,
        occurredTime: `1${i % 10}:00`,
        kind: 'disclosure',
        body: { source: 'young_person', sourceName: fullName(name), toldTo: DSL.name, means: 'in_person', whatWasSaid: `${fullName(name)} said the picture was sent to ${fullName(NAMES[(i + 1) % NAMES.length]!)}.`, immediateActions: '' },
      }),
    );
  }
  return incident.id;
}

async function exportPdf(document: Input<'exports.pdf'>['document'], name: string, named = pupilIds): Promise<string> {
  const path = join(outDir, name);
  nextPath = path;
  const result = expectOk(await call(core, 'exports.pdf', { currentPassword: DSL.password, document, namedChildren: named.map((id) => `pupil:${id}`) }));
  if (!result.saved) expect.fail('expected the PDF to be saved');
  return path;
}
let nextPath = '';

beforeAll(async () => {
  const temp = await makeTempDir('records-pdf-scripts-');
  removeAll = temp.remove;
  outDir = join(temp.dir, 'out');
  await mkdir(outDir);
  core = await createCore({ dataDir: join(temp.dir, 'data'), appVersion: '0.0.0-test', log: () => undefined, chooseSavePath: () => Promise.resolve(nextPath) });
  await setUp(core);
  pupilIds = [];
  for (const [i, [first, last]] of NAMES.entries()) pupilIds.push(expectOk(await call(core, 'pupils.create', pupilInput(first, last, i))).id);
  const first = await addIncident('Image shared in a group chat', '02');
  const second = await addIncident('Image forwarded to a year group', '09');
  incidentIds = [first, second];
}, 120_000);

afterAll(async () => {
  await core?.close();
  await removeAll?.();
});

/** The words of a right-to-left name as drawn: each word's letters reversed, the words on one line from right to left. */
function drawnRightToLeft(words: readonly WordBox[], [first, last]: readonly [string, string]): boolean {
  const drawn = (word: string) => [...word].reverse().join('');
  return words.some((a) => a.text === drawn(first) && words.some((b) => b.page === a.page && b.text === drawn(last) && Math.abs(b.yMin - a.yMin) < 1 && b.xMax <= a.xMin));
}

/**
 * Two words on one line whose boxes overlap: glyphs printed over each other. Words of one
 * line share the middle of their boxes (an Arabic word's box is taller than a Latin one's).
 */
function overlapping(words: readonly WordBox[]): [WordBox, WordBox][] {
  const middle = (w: WordBox) => (w.yMin + w.yMax) / 2;
  const found: [WordBox, WordBox][] = [];
  for (const a of words) {
    for (const b of words) {
      if (a === b || a.page !== b.page || Math.abs(middle(a) - middle(b)) > 2) continue;
      if (a.xMin < b.xMin && a.xMax > b.xMin + 0.5) found.push([a, b]);
    }
  }
  return found;
}

describe.each([
  ['incident report', () => exportPdf({ type: 'incident-report', incidentId: incidentIds[0]! }, 'report.pdf')],
  ['pupil file', () => exportPdf({ type: 'pupil-file', pupilId: pupilIds[7]! }, 'pupil-file.pdf')],
  ['pupil chronology', () => exportPdf({ type: 'pupil-chronology', pupilId: pupilIds[8]! }, 'pupil-chronology.pdf')],
])('the %s', (_, make) => {
  let file: string;
  let words: WordBox[];

  beforeAll(async () => {
    file = await make();
    words = wordBoxes(file);
  });

  it('prints every name as typed, in reading order', () => {
    const text = readingText(file);
    for (const name of NAMES) expect(text).toContain(fullName(name));
  });

  it('draws Arabic and Hebrew names right to left', () => {
    for (const name of RIGHT_TO_LEFT) expect(drawnRightToLeft(words, name), fullName(name)).toBe(true);
  });

  it('draws no character as a box, and no glyphs over each other', () => {
    expect(notdefCount(file)).toBe(0);
    expect(overlapping(words)).toEqual([]);
  });

  it('keeps every reference whole on one line', () => {
    const started = words.filter((w) => w.text.startsWith('YPSI'));
    expect(started.length).toBeGreaterThan(1);
    for (const w of started) expect(w.text).toMatch(REFERENCE);
  });
});

describe('redaction', () => {
  it('withholds Arabic, Hebrew, Greek and Cyrillic names, and names typed without their accents', async () => {
    // The first incident's free text also names two children the way staff often type them.
    expectOk(
      await call(core, 'entries.create', {
        incidentId: incidentIds[0]!,
        occurredOn: '2026-11-03',
        occurredTime: '09:30',
        kind: 'disclosure',
        body: { source: 'staff', sourceName: '', toldTo: DSL.name, means: 'in_person', whatWasSaid: 'ΕΛΕΝΗ ΠΑΠΑΔΟΠΟΥΛΟΥ and Sean O Briain were in the chat.', immediateActions: '' },
      }),
    );
    const file = await exportPdf({ type: 'incident-report', incidentId: incidentIds[0]! }, 'redacted.pdf', [pupilIds[0]!]);
    const text = readingText(file);
    expect(text).toContain(fullName(NAMES[0]));
    for (const name of NAMES.slice(1)) {
      for (const part of [...name.flatMap((p) => p.split(/[\s-]/u))]) expect(text, part).not.toContain(part);
    }
    expect(text).not.toMatch(/ελενη|παπαδοπουλου|sean|briain/iu);
    expect(text).toMatch(/What was said Pupil [A-I] and Pupil [A-I] were in the chat\./u);
  });
});

describe('the fonts', () => {
  it('have a glyph for every letter of every name', () => {
    const has = glyphCoverage(defaultFontsDir());
    for (const name of NAMES) {
      for (const ch of fullName(name).normalize('NFC')) expect(FONT_FAMILIES.some((f) => has(f, ch.codePointAt(0)!)), ch).toBe(true);
    }
  });
});

describe('a script the app has no font for', () => {
  it('is named back to the person exporting, so boxes on the page are never a surprise', async () => {
    const pupil = expectOk(await call(core, 'pupils.create', pupilInput('王', '小明', 3)));
    const incidentId = expectOk(
      await call(core, 'incidents.create', { title: 'Image sent to a pupil', cameToAttentionOn: '2026-11-10', imageryDate: '', kind: 'shared-on', media: 'photo', services: [], sharing: 'not_known', sharingDetails: '' }),
    ).id;
    expectOk(await call(core, 'incidents.addPupil', { incidentId, pupilId: pupil.id, roles: ['received'] }));
    nextPath = join(outDir, 'unprintable.pdf');
    const result = expectOk(await call(core, 'exports.pdf', { currentPassword: DSL.password, document: { type: 'incident-report', incidentId }, namedChildren: [`pupil:${pupil.id}`] }));
    if (!result.saved) expect.fail('expected the PDF to be saved');
    expect(result.unprintable).toEqual(['王', '小', '明']);
    nextPath = join(outDir, 'printable.pdf');
    const printable = expectOk(await call(core, 'exports.pdf', { currentPassword: DSL.password, document: { type: 'incident-report', incidentId: incidentIds[0]! }, namedChildren: pupilIds.map((id) => `pupil:${id}`) }));
    expect(printable.saved && printable.unprintable).toEqual([]);
  });
});
