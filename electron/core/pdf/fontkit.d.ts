// fontkit 2 ships no types. Only what the printed records use: whether a font has a glyph.
declare module 'fontkit' {
  export type Font = { hasGlyphForCodePoint(codePoint: number): boolean };
  export function openSync(path: string): Font;
}
