// The search highlighter stems a word's UTF-8 bytes as SQLite does; shared/ may not use
// TextEncoder, so porter-stem.ts encodes by hand. It must give TextEncoder's bytes exactly,
// lone surrogates (which a pasted, broken emoji can leave) included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesOf } from '../../shared/domain/porter-stem';

const viaTextEncoder = (word: string) => String.fromCharCode(...new TextEncoder().encode(word));

describe('a word as UTF-8 bytes for the stemmer', () => {
  it.each(['café', 'naïve', 'Ωμέγα', 'пример', '学校', 'a😀b', '\ud800x', 'x\udfff', '\u07ff\u0800\uffff'])('%j', (word) => {
    expect(bytesOf(word)).toBe(viaTextEncoder(word));
  });

  it('matches TextEncoder on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (word) => {
        expect(bytesOf(word)).toBe(viaTextEncoder(word));
      }),
      { numRuns: 1000 },
    );
  });
});
