// The parts of scripts/security-check.ts that decide pass or fail: reading electronegativity's
// CSV (quoted fields, commas and line breaks inside them) and matching justifications.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  findingsFromCsv,
  justifies,
  parseCsv,
  parseJustifications,
  type Finding,
} from '../../scripts/security-check';

const HEADER = 'issue, severity, confidence, filename, location, sample, description, url\n';

describe('electronegativity CSV', () => {
  it('parses quoted fields with commas, quotes and line breaks', () => {
    expect(parseCsv('a,"b, ""c""\nd",N/A\r\ne,f,g\n')).toEqual([
      ['a', 'b, "c"\nd', 'N/A'],
      ['e', 'f', 'g'],
    ]);
  });

  it('reads findings, with relative paths normalised to forward slashes', () => {
    const csv =
      HEADER +
      'PRELOAD_JS_CHECK,"MEDIUM","FIRM","main\\index.js","1782:3","preload: p,","Review the use of preload scripts",https://x/PRELOAD_JS_CHECK\n' +
      'CSP_GLOBAL_CHECK,"MEDIUM","CERTAIN","N/A","0:0",N/A,"No CSP",https://x/CSP_GLOBAL_CHECK\n';
    expect(findingsFromCsv(csv)).toEqual([
      { id: 'PRELOAD_JS_CHECK', severity: 'MEDIUM', confidence: 'FIRM', file: 'main/index.js', location: '1782:3', description: 'Review the use of preload scripts' },
      { id: 'CSP_GLOBAL_CHECK', severity: 'MEDIUM', confidence: 'CERTAIN', file: 'N/A', location: '0:0', description: 'No CSP' },
    ]);
  });

  it('refuses a report without the expected header (e.g. a garbled or truncated file)', () => {
    expect(() => findingsFromCsv('X,"HIGH"\n')).toThrow(/header/);
    expect(() => findingsFromCsv('')).toThrow(/header/);
  });

  it('refuses a report whose header was written over its first row (electronegativity’s own write race), so it can be run again', () => {
    const body =
      'CSP_GLOBAL_CHECK,"LOW","FIRM","renderer/index.html","4:0","default-src \'none\'; script-src \'self\'","One or more CSP directives detected seems to be vulnerable",https://x/CSP\n' +
      'PRELOAD_JS_CHECK,"MEDIUM","FIRM","main/index.js","11458:3","preload: preloadPath,","Review the use of preload scripts",https://x/PRELOAD\n';
    const garbled = HEADER + body.slice(HEADER.length);
    expect(() => findingsFromCsv(garbled)).toThrow(/unexpected report row/);
  });

  it('an empty report has no findings', () => {
    expect(findingsFromCsv(HEADER)).toEqual([]);
  });
});

describe('justifications', () => {
  const finding: Finding = { id: 'X_CHECK', severity: 'HIGH', confidence: 'FIRM', file: 'renderer/assets/index-Ab12.js', location: '1:1', description: '' };

  it('match on id and file, with * inside one path segment', () => {
    const j = { id: 'X_CHECK', file: 'renderer/assets/index-*.js', reason: 'r'.repeat(30) };
    expect(justifies(j, finding)).toBe(true);
    expect(justifies({ ...j, id: 'Y_CHECK' }, finding)).toBe(false);
    expect(justifies({ ...j, file: 'renderer/*.js' }, finding)).toBe(false);
  });

  it('need a real reason', () => {
    expect(() => parseJustifications({ justifications: [{ id: 'X', file: 'f', reason: 'ok' }] })).toThrow(/reason/);
    expect(() => parseJustifications([])).toThrow();
  });

  it('the checked-in file is well formed', () => {
    const file = new URL('../../scripts/security-justifications.json', import.meta.url);
    expect(() => parseJustifications(JSON.parse(readFileSync(file, 'utf8')) as unknown)).not.toThrow();
  });
});
