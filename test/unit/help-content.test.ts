// Issue 19 item 4: the Help page's citations. Every 2016 heading a section cites is in the
// guidance's contents and inside the part it is cited from (UKCCIS 2016, the seed in
// ../shared/guidance/); every quotation is the source's own words; every current source is
// in docs/guidance-2024.md with the same address; and every form's link names a section.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTRY_KINDS } from '../../shared/domain/entries/kinds';
import { CURRENT_SOURCES, type Citation, type Ukccis2016Part } from '../../shared/help/citations';
import { GUIDANCE_FOR_KIND, NEW_INCIDENT_GUIDANCE } from '../../shared/help/form-links';
import { HELP_SECTIONS } from '../../shared/help/sections';

const ROOT = resolve(import.meta.dirname, '../..');
const GUIDANCE_FILE = '000_0d9691d0f4de6fb5.txt';

/** ../shared beside the main checkout; a worktree sits one folder deeper. */
function guidancePath(): string {
  const found = ['../shared/guidance', '../../shared/guidance'].map((dir) => resolve(ROOT, dir, GUIDANCE_FILE)).find((path) => existsSync(path));
  if (!found) throw new Error(`The guidance's text (${GUIDANCE_FILE}) is not in ../shared/guidance`);
  return found;
}

/** Spaces folded and the PDF's bold marks removed, so a quotation matches across line breaks. */
const plain = (text: string) => text.replaceAll('**', '').replace(/\s+/gu, ' ').toLowerCase();

const guidance = readFileSync(guidancePath(), 'utf8');
const current = readFileSync(resolve(ROOT, 'docs/guidance-2024.md'), 'utf8');

// The body starts after the contents; each part runs from its heading to the next part's.
const bodyStart = guidance.indexOf('\n1 Background and context\n');
const contents = plain(guidance.slice(0, bodyStart));
const body = guidance.slice(bodyStart);
const PART_BOUNDS: Record<Ukccis2016Part, [string, string]> = {
  'section 2': ['\nHandling incidents\n', '\nEducating young people\n'],
  'Annex A': ['\nAnnex A\n', '\nAnnex B\n'],
  'Annex C': ['\nAnnex C\n', '\nAnnex D\n'],
  'Annex D': ['\nAnnex D\n', '\nAnnex E\n'],
  'Annex G': ['\nAnnex G\n', '\nDisclaimer\n'],
};

function partText(part: Ukccis2016Part): string {
  const [start, end] = PART_BOUNDS[part];
  const from = body.indexOf(start);
  const to = body.indexOf(end, from + start.length);
  if (from < 0 || to < 0) throw new Error(`${part} was not found in the guidance`);
  return plain(body.slice(from, to));
}

const allCitations: Citation[] = HELP_SECTIONS.flatMap((section) => [
  ...section.citations,
  ...section.blocks.flatMap((block) => (block.type === 'quote' ? [block.cite] : [])),
]);
const quotes = HELP_SECTIONS.flatMap((section) => section.blocks.flatMap((block) => (block.type === 'quote' ? [{ section: section.id, ...block }] : [])));

describe('the help text cites what is there', () => {
  it.each(allCitations.filter((c) => c.advice === 'ukccis-2016').map((c) => [c.part, c.heading] as const))('UKCCIS 2016, %s: "%s" is a heading of that part', (part, heading) => {
    expect(contents).toContain(plain(heading));
    expect(partText(part)).toContain(plain(heading));
  });

  it.each(quotes.map((q) => [q.section, q.text, q.cite] as const))('%s quotes its source word for word: "%s"', (_section, text, cite) => {
    if (cite.advice === 'ukccis-2016') expect(partText(cite.part)).toContain(plain(text));
    else expect(plain(current)).toContain(plain(text));
  });

  it('names each current source with the address docs/guidance-2024.md gives it', () => {
    const cited = new Set(allCitations.flatMap((c) => (c.advice === 'current' ? [c.source] : [])));
    expect(cited.size).toBeGreaterThan(0);
    for (const id of cited) {
      const row = current.split('\n').find((line) => line.startsWith(`| ${id} |`));
      expect(row, `${id} in the sources table`).toBeDefined();
      expect(row).toContain(CURRENT_SOURCES[id].address);
    }
  });

  it('cites every section it shows, and each section at least once', () => {
    for (const section of HELP_SECTIONS) expect(section.citations.length, section.id).toBeGreaterThan(0);
  });
});

describe("each form's guidance link", () => {
  const ids = new Set<string>(HELP_SECTIONS.map((section) => section.id));

  it('has sections with distinct ids', () => {
    expect(ids.size).toBe(HELP_SECTIONS.length);
  });

  it.each(ENTRY_KINDS)('%s links to a section that exists', (kind) => {
    expect(ids).toContain(GUIDANCE_FOR_KIND[kind]);
  });

  it('the new-incident form links to a section that exists', () => {
    expect(ids).toContain(NEW_INCIDENT_GUIDANCE);
  });
});
