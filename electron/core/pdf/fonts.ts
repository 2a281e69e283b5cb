import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSync, type Font } from 'fontkit';

type Styles = { normal: string; bold: string; italics: string; bolditalics: string };

/**
 * The fonts a printed record may use, in the order a character is looked for in them
 * (docs/decisions/0008-pdf-scripts.md). Roboto prints English and every Latin, Greek and
 * Cyrillic name; Noto Sans Arabic and Hebrew print what Roboto has no glyph for. Neither
 * script has italics, so the upright faces stand in for them.
 */
const FAMILIES = {
  Roboto: { normal: 'Roboto-Regular.ttf', bold: 'Roboto-Medium.ttf', italics: 'Roboto-Italic.ttf', bolditalics: 'Roboto-MediumItalic.ttf' },
  NotoSansArabic: { normal: 'NotoSansArabic-Regular.ttf', bold: 'NotoSansArabic-Bold.ttf', italics: 'NotoSansArabic-Regular.ttf', bolditalics: 'NotoSansArabic-Bold.ttf' },
  NotoSansHebrew: { normal: 'NotoSansHebrew-Regular.ttf', bold: 'NotoSansHebrew-Bold.ttf', italics: 'NotoSansHebrew-Regular.ttf', bolditalics: 'NotoSansHebrew-Bold.ttf' },
} as const satisfies Record<string, Styles>;

export type FontFamily = keyof typeof FAMILIES;

/**
 * Line metrics (thousandths of an em, as pdfkit counts) for families whose own would make a
 * line far taller than the document's: Noto Sans Arabic reserves 2.1 em a line for stacked
 * vowel marks, so a table row with an Arabic name grew by half again and the name sat low.
 * These still hold every Arabic letter (0.99 em above the baseline to 0.46 below, measured
 * over every joining form) and every Hebrew one; the rare stacked mark may reach into the
 * line's spacing.
 */
export const LINE_METRICS: Partial<Record<FontFamily, { ascender: number; descender: number }>> = {
  NotoSansArabic: { ascender: 1000, descender: -500 },
  NotoSansHebrew: { ascender: 930, descender: -300 },
};

/** The family of the document's own text (English), and the first one a character is looked for in. */
export const FONT_FAMILY: FontFamily = 'Roboto';
export const FONT_FAMILIES = Object.keys(FAMILIES) as FontFamily[];

/**
 * resources/fonts, found by walking up from this module: the same code runs from source
 * (tests, CLI) and bundled into out/main (the app), at different depths. The packaged app
 * passes its own folder (process.resourcesPath/fonts) instead.
 */
export function defaultFontsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'resources', 'fonts');
    if (existsSync(join(candidate, FAMILIES[FONT_FAMILY].normal))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('The fonts for printed records (resources/fonts) are missing.');
    dir = parent;
  }
}

export function fontDictionary(fontsDir: string): Record<FontFamily, Styles> {
  const entries = FONT_FAMILIES.map((family): [FontFamily, Styles] => {
    const files = FAMILIES[family];
    return [family, { normal: join(fontsDir, files.normal), bold: join(fontsDir, files.bold), italics: join(fontsDir, files.italics), bolditalics: join(fontsDir, files.bolditalics) }];
  });
  return Object.fromEntries(entries) as Record<FontFamily, Styles>;
}

/** Whether a family has a glyph for a character (bold and regular faces cover the same characters). */
export type GlyphCoverage = (family: FontFamily, codePoint: number) => boolean;

const coverageByDir = new Map<string, GlyphCoverage>();

/** Reads each family's character map once per folder; answers are cached, as the same characters recur. */
export function glyphCoverage(fontsDir: string): GlyphCoverage {
  const known = coverageByDir.get(fontsDir);
  if (known) return known;
  const fonts = new Map<FontFamily, Font>(FONT_FAMILIES.map((family) => [family, openSync(join(fontsDir, FAMILIES[family].normal))]));
  const cache = new Map<string, boolean>();
  const coverage: GlyphCoverage = (family, codePoint) => {
    const key = `${family}:${codePoint}`;
    let has = cache.get(key);
    if (has === undefined) {
      has = fonts.get(family)!.hasGlyphForCodePoint(codePoint);
      cache.set(key, has);
    }
    return has;
  };
  coverageByDir.set(fontsDir, coverage);
  return coverage;
}
