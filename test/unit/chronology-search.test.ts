import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chronologyFilters, findsWordForm, highlightParts, searchTerms, snippetAround, startsAWord, type MatchMode } from '../../shared/domain/chronology';
import { filtersFromParams, isFiltered, paramsFromFilters } from '../../renderer/src/features/chronology/url-filters';

const marked = (text: string, terms: string[], mode?: MatchMode) =>
  highlightParts(text, terms, mode)
    .map((p) => (p.match ? `[${p.text}]` : p.text))
    .join('');

describe('search words', () => {
  it('splits on spaces, trims punctuation at the edges, drops repeats, keeps at most eight', () => {
    expect(searchTerms('  “Photo,”  (snapchat)  photo ')).toEqual(['Photo', 'snapchat']);
    expect(searchTerms('YPSI-2026-004 o’brien')).toEqual(['YPSI-2026-004', 'o’brien']);
    expect(searchTerms('% _ " ** -')).toEqual([]);
    expect(searchTerms('a b c d e f g h i j')).toHaveLength(8);
    expect(searchTerms('Zoë zoe')).toEqual(['Zoë']);
  });
});

describe('highlighting', () => {
  it('marks whole words found by any form of the search word, ignoring case and accents, as the search index matches', () => {
    expect(marked('The photo was photographed; a telephoto lens.', ['photo'])).toBe('The [photo] was [photographed]; a telephoto lens.');
    expect(marked('She was blackmailed; he is blackmailing; it blackmails. Blackmail!', ['blackmail'])).toBe(
      'She was [blackmailed]; he is [blackmailing]; it [blackmails]. [Blackmail]!',
    );
    expect(marked('Threatened, threatening, threats.', ['threatening'])).toBe('[Threatened], [threatening], threats.');
    expect(marked('Zoë and ZOE', ['zoe'])).toBe('[Zoë] and [ZOE]');
    expect(marked('Amelia Brackenridge', ['amelia', 'brack'])).toBe('[Amelia] [Brackenridge]');
  });

  it('marks a search word of several parts where its parts stand together, as the index reads a phrase', () => {
    expect(marked('Sent by e-mail, then by email and e mails.', ['e-mail'])).toBe('Sent by [e-mail], then by email and [e mails].');
    expect(marked('Told Ms O’Brien; Brien was away.', ['o’brien'])).toBe('Told Ms [O’Brien]; Brien was away.');
  });

  it('marks the starts of names, as names are matched', () => {
    expect(marked('Amelia Brackenridge', ['amelia', 'brack'], 'prefix')).toBe('[Amelia] [Brack]enridge');
    expect(marked('Haslett, Hastings', ['hasting'], 'prefix')).toBe('Haslett, [Hasting]s');
  });

  it('tells whether a word is found by its forms', () => {
    expect(findsWordForm('Rowan felt threatened by the messages', 'threatening')).toBe(true);
    expect(findsWordForm('Rowan felt threatened by the messages', 'message')).toBe(true);
    expect(findsWordForm('Rowan felt threatened by the messages', 'felted')).toBe(true);
    expect(findsWordForm('Rowan felt threatened by the messages', 'mess-ages')).toBe(false);
    expect(findsWordForm('Rowan felt threatened by the messages', 'owan')).toBe(false);
  });

  it('marks anywhere in references', () => {
    expect(marked('YPSI-2026-004', ['026-00'], 'substring')).toBe('YPSI-2[026-00]4');
    expect(marked('YPSI-2026-004', ['026-00'])).toBe('YPSI-2026-004');
  });

  it('always gives back exactly the text it was given, in pieces', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }), fc.constantFrom<MatchMode>('words', 'prefix', 'substring'), (text, terms, mode) => {
        const parts = highlightParts(text, terms, mode);
        expect(parts.map((p) => p.text).join('')).toBe(text);
        for (let i = 1; i < parts.length; i += 1) expect(parts[i]!.match).not.toBe(parts[i - 1]!.match);
      }),
    );
  });

  it('tells whether a word starts with a term', () => {
    expect(startsAWord('Photo sent between two pupils', 'pup')).toBe(true);
    expect(startsAWord('Photo sent between two pupils', 'upils')).toBe(false);
  });

  it('agrees with the highlighting on whether a term starts a word, in plain text and accented', () => {
    // startsAWord folds the whole text at once and highlighting folds plain ASCII in one go
    // (other text a character at a time); all three must find the same starts of words.
    const letters = fc.constantFrom('a', 'b', 'A', 'B', 'é', 'É', 'e\u0301', 'ß', ' ', '-', '.', '1');
    const text = fc.array(letters, { maxLength: 12 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, text, (t, term) => {
        expect(startsAWord(t, term)).toBe(highlightParts(t, [term], 'prefix').some((part) => part.match));
        expect(findsWordForm(t, term)).toBe(highlightParts(t, [term]).some((part) => part.match));
      }),
    );
  });
});

describe('snippets', () => {
  it('cuts around the first match at word boundaries, with ellipses where text was left out', () => {
    const text = `${'Lorem ipsum dolor sit amet '.repeat(8)}then the kaleidoscope club was mentioned ${'and more words follow here '.repeat(8)}`;
    const snippet = snippetAround(text, ['kaleido'], 40)!;
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain('kaleidoscope club');
    expect(snippet.length).toBeLessThan(110);
    expect(snippetAround('short text', ['short'])).toBe('short text');
    expect(snippetAround('nothing here', ['absent'])).toBeNull();
  });
});

describe('filters in the address', () => {
  it('round-trips every filter', () => {
    const filters = {
      q: 'photo YPSI',
      kind: 'conversation',
      from: '2026-01-01',
      to: '2026-02-01',
      authorId: 3,
      signatures: 'awaiting',
      status: 'open',
      incidentId: 9,
      backdated: true,
      order: 'recorded-desc',
    } as const;
    const params = paramsFromFilters(filters);
    expect(params.toString()).toBe('q=photo+YPSI&kind=conversation&from=2026-01-01&to=2026-02-01&author=3&signatures=awaiting&status=open&incident=9&backdated=1&order=recorded-desc');
    expect(filtersFromParams(params)).toEqual(filters);
    expect(chronologyFilters.safeParse(filtersFromParams(params)).success).toBe(true);
  });

  it('ignores what it cannot read, and reads dates the wrong way round the right way round', () => {
    const read = filtersFromParams(new URLSearchParams('kind=poetry&from=2026-03-01&to=2026-01-01&author=x&backdated=yes&order=sideways&status=open'));
    expect(read).toEqual({ q: '', from: '2026-01-01', to: '2026-03-01', status: 'open' });
    expect(chronologyFilters.safeParse(read).success).toBe(true);
    expect(filtersFromParams(new URLSearchParams('from=2026-02-30')).from).toBeUndefined();
  });

  it('counts the order as no filter', () => {
    expect(isFiltered({ order: 'recorded-desc' })).toBe(false);
    expect(isFiltered({ q: ' ' })).toBe(false);
    expect(isFiltered({ backdated: true })).toBe(true);
  });
});
