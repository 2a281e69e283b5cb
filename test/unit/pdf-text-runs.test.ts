// How a printed string is cut into runs (one font, one direction, references kept whole)
// and how a line's right-to-left runs are put in visual order (docs/decisions/0008).
import { describe, expect, it } from 'vitest';
import { visualOrder } from '../../electron/core/pdf/bidi-lines';
import { defaultFontsDir, glyphCoverage } from '../../electron/core/pdf/fonts';
import { printable, textRuns, unprintableCharacters } from '../../electron/core/pdf/text-runs';

const has = glyphCoverage(defaultFontsDir());

describe('textRuns', () => {
  it('leaves English and Latin, Greek and Cyrillic names in the document’s own font', () => {
    for (const text of ['Zofia Wąsowska-Łukasik', 'Nguyễn Thị Hương', 'Siân Ŵyn', 'Seán Ó Briain', 'Ayşe Yılmaz Çağlar', 'Ελένη Παπαδοπούλου', 'Дарья Соколова']) {
      expect(printable(text, has)).toBe(text);
    }
  });

  it('prints accents typed as separate marks with the composed letters', () => {
    expect(printable('Nguye\u0302\u0303n', has)).toBe('Nguyễn');
  });

  it('gives an Arabic or Hebrew name its own font and a right-to-left level, the text as typed', () => {
    expect(textRuns('Told by ليلى حسن today', has)).toEqual([
      { text: 'Told by ' },
      { text: 'ليلى حسن', font: 'NotoSansArabic', bidiLevel: 1 },
      { text: ' ', font: 'NotoSansArabic' },
      { text: 'today' },
    ]);
    expect(textRuns('נועה כהן', has)).toEqual([{ text: 'נועה כהן', font: 'NotoSansHebrew', bidiLevel: 1 }]);
  });

  it('keeps what follows a right-to-left name in the sentence’s order, as <bdi> would', () => {
    expect(textRuns('נועה כהן: 2 incidents', has).map((r) => [r.text, r.bidiLevel ?? 0])).toEqual([
      ['נועה כהן', 1],
      [': 2 incidents', 0],
    ]);
  });

  it('keeps a bracket pair on one side: inside a right-to-left stretch, or around it', () => {
    const levels = (text: string) => textRuns(text, has).flatMap((r) => [...r.text].map((ch) => `${ch}${r.bidiLevel ?? 0}`));
    expect(levels('ليلى (الصف 10) left').filter((c) => /^[()]/u.test(c))).toEqual(['(1', ')1']);
    expect(levels('(ليلى حسن) left').filter((c) => /^[()]/u.test(c))).toEqual(['(0', ')0']);
  });

  it('keeps numbers inside right-to-left text left to right (level 2), and punctuation between right-to-left words right to left', () => {
    expect(textRuns('Class الصف 10 ب', has).map((r) => [r.text, r.bidiLevel ?? 0])).toEqual([
      ['Class ', 0],
      ['الصف ', 1],
      ['10', 2],
      [' ب', 1],
    ]);
    expect(textRuns('ليلى - حسن', has).map((r) => [r.text, r.bidiLevel ?? 0])).toEqual([['ليلى - حسن', 1]]);
  });

  it('keeps a reference in a run that never wraps', () => {
    expect(textRuns('See YPSI-2026-001 and YPSI-2026-014.', has)).toEqual([
      { text: 'See ' },
      { text: 'YPSI-2026-001', noWrap: true },
      { text: ' and ' },
      { text: 'YPSI-2026-014', noWrap: true },
      { text: '.' },
    ]);
  });
});

describe('visualOrder (the bidi algorithm’s rule L2)', () => {
  it('keeps a left-to-right line as it is', () => {
    expect(visualOrder([0, 0, 0])).toEqual([0, 1, 2]);
  });

  it('reverses a right-to-left stretch in place', () => {
    expect(visualOrder([0, 1, 1, 1, 0])).toEqual([0, 3, 2, 1, 4]);
  });

  it('reverses a number inside right-to-left text twice, so it reads left to right', () => {
    // "Said: <Arabic word> <number> <Arabic word>"
    expect(visualOrder([0, 1, 2, 2, 1])).toEqual([0, 4, 2, 3, 1]);
  });
});

describe('unprintableCharacters', () => {
  it('names the characters no embedded font has, once each, and nothing in the scripts the app prints', () => {
    expect(unprintableCharacters('Zofia Wąsowska-Łukasik, Ελένη, Дарья, ليلى حسن, נועה כהן — “quoted”', has)).toEqual([]);
    expect(unprintableCharacters('Pupil 王小明 and 王芳, and प्रिया', has)).toEqual(['王', '小', '明', '芳', 'प', 'र', 'य']);
  });
});
