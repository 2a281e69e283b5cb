import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;

export const FONT_FAMILY = 'Roboto';

/**
 * resources/fonts, found by walking up from this module: the same code runs from source
 * (tests, CLI) and bundled into out/main (the app), at different depths. The packaged app
 * passes its own folder (process.resourcesPath/fonts) instead.
 */
export function defaultFontsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'resources', 'fonts');
    if (existsSync(join(candidate, FILES.normal))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('The fonts for printed records (resources/fonts) are missing.');
    dir = parent;
  }
}

export function fontDictionary(fontsDir: string): Record<string, Record<keyof typeof FILES, string>> {
  return {
    [FONT_FAMILY]: {
      normal: join(fontsDir, FILES.normal),
      bold: join(fontsDir, FILES.bold),
      italics: join(fontsDir, FILES.italics),
      bolditalics: join(fontsDir, FILES.bolditalics),
    },
  };
}
