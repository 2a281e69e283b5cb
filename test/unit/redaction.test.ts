// Documents printed for other agencies name only the children the DSL chose; every other
// child is a stable label everywhere, free text included. A name that slips through is a
// safeguarding breach, so the property at the end tries many names and sentences.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelLetters, NAME_WITHHELD, planRedaction, type RedactionChild } from '../../shared/domain/redaction';

const pupil = (id: number, firstName: string, lastName: string): RedactionChild => ({
  key: `pupil:${id}`,
  kind: 'pupil',
  firstName,
  lastName,
});
const person = (id: number, name: string): RedactionChild => ({ key: `person:${id}`, kind: 'young_person', firstName: name, lastName: '' });

const ava = pupil(1, 'Ava', 'Thornquist');
const reuben = pupil(2, 'Reuben', 'Ashgrove');
const marnie = pupil(3, 'Marnie', 'Fellowes-Quint');
const none = new Set<string>();

describe('labels', () => {
  it('are given in order of first appearance, per kind, and ignore repeated keys', () => {
    const r = planRedaction([ava, person(7, 'Tobin Garroway'), reuben, ava, marnie, person(8, 'Linnea')], new Set(['pupil:2']));
    expect(r.labelOf('pupil:1')).toBe('Pupil A');
    expect(r.labelOf('pupil:2')).toBeNull();
    expect(r.labelOf('pupil:3')).toBe('Pupil B');
    expect(r.labelOf('person:7')).toBe('Young person A');
    expect(r.labelOf('person:8')).toBe('Young person B');
    expect(r.withheldCount).toBe(4);
  });

  it('go on past Z as AA, AB …', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(labelLetters)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
    const many = Array.from({ length: 28 }, (_, i) => pupil(i + 1, `Name${i}`, 'Quellby'));
    const r = planRedaction(many, none);
    expect(r.labelOf('pupil:26')).toBe('Pupil Z');
    expect(r.labelOf('pupil:27')).toBe('Pupil AA');
    expect(r.labelOf('pupil:28')).toBe('Pupil AB');
  });

  it('are what the document prints for a withheld child; named children keep their full name', () => {
    const r = planRedaction([ava, reuben], new Set(['pupil:2']));
    expect(r.displayName(ava)).toBe('Pupil A');
    expect(r.displayName({ ...reuben, firstName: ' Reuben ' })).toBe('Reuben Ashgrove');
    // A child the plan was never told about is not printed by name.
    expect(r.displayName(pupil(99, 'Ottoline', 'Brack'))).toBe(NAME_WITHHELD);
  });
});

describe('redacting free text', () => {
  const r = planRedaction([ava, reuben, marnie], new Set(['pupil:2']));

  it('replaces the full name, the first name and the surname', () => {
    expect(r.redact('Ava Thornquist said Ava had sent it. Thornquist was upset.')).toBe(
      'Pupil A said Pupil A had sent it. Pupil A was upset.',
    );
  });

  it('allows any whitespace between the parts of a full name', () => {
    expect(r.redact('Ava  Thornquist, Ava\nThornquist, Ava\u00a0Thornquist')).toBe('Pupil A, Pupil A, Pupil A');
  });

  it('keeps possessives, ignores case, and finds names inside punctuation and quotes', () => {
    expect(r.redact("Ava's phone; AVA THORNQUIST; ava’s friend")).toBe("Pupil A's phone; Pupil A; Pupil A’s friend");
    expect(r.redact('(Ava) "Thornquist" “Ava”, [Ava]. Ava!')).toBe('(Pupil A) "Pupil A" “Pupil A”, [Pupil A]. Pupil A!');
  });

  it('does not touch longer words that contain a name', () => {
    expect(r.redact('Avalon, Java, Thornquistly, Ava2, 2Ava')).toBe('Avalon, Java, Thornquistly, Ava2, 2Ava');
  });

  it('replaces a hyphenated surname whole and each part of it alone', () => {
    expect(r.redact('Marnie Fellowes-Quint; Fellowes-Quint; Fellowes; Quint; MARNIE')).toBe(
      'Pupil B; Pupil B; Pupil B; Pupil B; Pupil B',
    );
  });

  it('leaves named children untouched', () => {
    expect(r.redact('Reuben Ashgrove told Ava. Reuben said Ashgrove')).toBe('Reuben Ashgrove told Pupil A. Reuben said Ashgrove');
  });

  it('replaces in one pass, so a label is never replaced again', () => {
    const odd = planRedaction([pupil(1, 'Pupil', 'Quellby'), pupil(2, 'Bram', 'Quellor')], none);
    expect(odd.redact('Pupil Quellby and Bram')).toBe('Pupil A and Pupil B');
  });

  it('matches text and names in either Unicode form, and typed without their accents', () => {
    const zoe = planRedaction([pupil(1, 'Zoe\u0308', 'Brückner')], none);
    expect(zoe.redact('Zoë Bru\u0308ckner and Zoe\u0308')).toBe('Pupil A and Pupil A');
    // Staff often type a name without its accents; it still names the child.
    expect(zoe.redact('Zoe was there with ZOE BRUCKNER')).toBe('Pupil A was there with Pupil A');
  });

  it('withholds names in every script, whatever the case and accents they are typed with', () => {
    const children = [
      pupil(1, 'Zofia', 'Wąsowska-Łukasik'),
      pupil(2, 'Nguyễn', 'Thị Hương'),
      pupil(3, 'Siân', 'Ŵyn'),
      pupil(4, 'Seán', 'Ó Briain'),
      pupil(5, 'Ayşe', 'Yılmaz Çağlar'),
      pupil(6, 'Ελένη', 'Παπαδοπούλου'),
      pupil(7, 'Дарья', 'Соколова'),
      pupil(8, 'ليلى', 'حسن'),
      pupil(9, 'נועה', 'כהן'),
    ];
    const plan = planRedaction(children, none);
    const cases: [string, string][] = [
      ['Zofia Wąsowska-Łukasik and zofia wasowska-lukasik; Mrs Lukasik', 'Pupil A and Pupil A; Mrs Pupil A'],
      ['Nguyen Thi Huong, NGUYỄN', 'Pupil B, Pupil B'],
      ['Sian Wyn told Siân', 'Pupil C told Pupil C'],
      ['SEAN O BRIAIN, Seán Ó Briain’s phone', 'Pupil D, Pupil D’s phone'],
      ['Ayse Yilmaz Caglar and AYŞE YILMAZ', 'Pupil E and Pupil E Pupil E'],
      ['ΕΛΈΝΗ ΠΑΠΑΔΟΠΟΎΛΟΥ and Ελενη', 'Pupil F and Pupil F'],
      ['ДАРЬЯ СОКОЛОВА and Дарья', 'Pupil G and Pupil G'],
      ['ليلى حسن قالت إن ليلى', 'Pupil H قالت إن Pupil H'],
      ['لَيْلَى said so', 'Pupil H said so'],
      ['נועה כהן and כהן', 'Pupil I and Pupil I'],
    ];
    for (const [typed, printed] of cases) expect(plan.redact(typed)).toBe(printed);
  });

  it('keeps a named child in any script named', () => {
    const plan = planRedaction([pupil(1, 'ليلى', 'حسن'), pupil(2, 'Ελένη', 'Παπαδοπούλου')], new Set(['pupil:1']));
    expect(plan.redact('ليلى حسن and Ελένη Παπαδοπούλου')).toBe('ليلى حسن and Pupil A');
  });

  it('escapes regex characters in names', () => {
    const dotted = planRedaction([pupil(1, 'J.D.', 'Harrow (Jr)'), pupil(2, 'A+', 'Vell*')], none);
    expect(dotted.redact('J.D. Harrow (Jr) met JxDx and Vell*; Vell is fine')).toBe('Pupil A met JxDx and Pupil B; Vell is fine');
  });

  it("matches O'Neil typed with either apostrophe, in the name and in the text", () => {
    for (const typed of ["O'Neil", 'O’Neil']) {
      const r2 = planRedaction([pupil(1, 'Cormac', typed)], none);
      expect(r2.redact("Cormac O'Neil, O’Neil, o'neil's bag, Cormac O’Neil")).toBe("Pupil A, Pupil A, Pupil A's bag, Pupil A");
    }
  });

  it('gives young people not on roll their own labels, splitting the typed name', () => {
    const r2 = planRedaction([ava, person(5, '  Tobin   Garroway-Hale ')], none);
    expect(r2.redact('Tobin Garroway-Hale, Tobin, Garroway, Hale and Ava')).toBe(
      'Young person A, Young person A, Young person A, Young person A and Pupil A',
    );
  });

  it('returns the text unchanged when every child is named', () => {
    const all = planRedaction([ava, reuben], new Set(['pupil:1', 'pupil:2']));
    const text = 'Zoe\u0308 and Ava Thornquist';
    expect(all.redact(text)).toBe(text);
  });
});

describe('ambiguous names', () => {
  it('withholds a first name shared by two withheld children without choosing a label', () => {
    const r = planRedaction([ava, pupil(4, 'Ava', 'Brightwater')], none);
    expect(r.redact('Ava Thornquist and Ava Brightwater. Ava said')).toBe(`Pupil A and Pupil B. ${NAME_WITHHELD} said`);
    expect(r.redact('Thornquist and Brightwater')).toBe('Pupil A and Pupil B');
  });

  it('withholds a first name shared by a withheld child and a named child', () => {
    const r = planRedaction([ava, pupil(4, 'Ava', 'Brightwater')], new Set(['pupil:4']));
    expect(r.redact('Ava Thornquist, Ava Brightwater, Ava, Brightwater')).toBe(`Pupil A, Ava Brightwater, ${NAME_WITHHELD}, Brightwater`);
  });

  it('withholds a token shared with another named person, keeping that person’s full name', () => {
    const r = planRedaction([pupil(1, 'Reuben', 'Thornquist')], none, ['Mr Reuben Ashgrove', 'Ms Ida Fellowes-Thornquist']);
    expect(r.redact('Reuben told Mr Reuben Ashgrove; Reuben Thornquist; Thornquist')).toBe(
      `${NAME_WITHHELD} told Mr Reuben Ashgrove; Pupil A; ${NAME_WITHHELD}`,
    );
    expect(r.redact('Ms Ida Fellowes-Thornquist and Fellowes')).toBe('Ms Ida Fellowes-Thornquist and Fellowes');
  });

  it('withholds identical full names of two withheld children', () => {
    const r = planRedaction([ava, pupil(9, 'Ava', 'Thornquist')], none);
    expect(r.redact('Ava Thornquist')).toBe(NAME_WITHHELD);
    expect(r.labelOf('pupil:9')).toBe('Pupil B');
  });
});

describe('the cover statement', () => {
  it('says when every child is named', () => {
    expect(planRedaction([ava], new Set(['pupil:1'])).statement).toBe('All children are named in full.');
    expect(planRedaction([], none).statement).toBe('All children are named in full.');
  });

  it('uses the singular for one child', () => {
    expect(planRedaction([ava, reuben], new Set(['pupil:2'])).statement).toBe('Names of other children withheld: 1 child is shown as Pupil A.');
  });

  it('gives the range of labels for three or more', () => {
    expect(planRedaction([ava, reuben, marnie], none).statement).toBe(
      'Names of other children withheld: 3 children are shown as Pupil A to Pupil C.',
    );
    expect(planRedaction([ava, reuben, person(1, 'Tobin')], none).statement).toBe(
      'Names of other children withheld: 3 children are shown as Pupil A, Pupil B and Young person A.',
    );
  });
});

describe('no withheld name survives', () => {
  // Words that appear in labels are left out, so a name part is never also a label word.
  const labelWords = new Set(['pupil', 'young', 'person', 'name', 'withheld']);
  const namePart = fc
    .tuple(
      fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZÉØŁ'),
      fc.array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzéøłäñ'), { minLength: 2, maxLength: 7 }),
    )
    .map(([first, rest]) => first + rest.join(''))
    .filter((s) => !labelWords.has(s.toLowerCase()));
  const surname = fc.oneof(
    namePart,
    fc.tuple(namePart, namePart).map(([a, b]) => `${a}-${b}`),
    namePart.map((p) => `O'${p}`),
  );
  const child = fc.tuple(namePart, surname);
  const casing = fc.constantFrom(
    (s: string) => s,
    (s: string) => s.toUpperCase(),
    (s: string) => s.toLowerCase(),
  );
  const filler = fc.constantFrom('and', 'told', 'the', 'photo', 'was', 'sent', 'by', 'to', '', 'Mr', 'a');
  const separator = fc.constantFrom(' ', ', ', '. ', ' "', '" ', "'s ", '’s ', '(', ') ', '\n', ' - ', '  ', '/');

  const parts = (first: string, last: string) => [first, last, ...last.split('-'), ...last.split(/['’-]/)].filter((p) => p.length >= 2);
  const wordRegex = (part: string) =>
    new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${part.replace(/['’]/g, "['’]").replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{M}\\p{N}])`, 'iu');

  it('for any two withheld children and any sentence mentioning them', () => {
    fc.assert(
      fc.property(
        child,
        child,
        fc.array(
          fc.tuple(
            fc.oneof(
              filler,
              fc.constantFrom('first0', 'last0', 'full0', 'first1', 'last1', 'full1', 'part0', 'part1'),
            ),
            casing,
            separator,
          ),
          { minLength: 1, maxLength: 14 },
        ),
        ([f0, l0], [f1, l1], words) => {
          const kids = [pupil(1, f0, l0), pupil(2, f1, l1)];
          const pick = (w: string): string => {
            const [f, l] = w.endsWith('0') ? [f0, l0] : [f1, l1];
            if (w.startsWith('first')) return f;
            if (w.startsWith('last')) return l;
            if (w.startsWith('full')) return `${f} ${l}`;
            if (w.startsWith('part')) return l.split('-').at(-1)!;
            return w;
          };
          const text = words.map(([w, c, sep]) => c(pick(w)) + sep).join('');
          const out = planRedaction(kids, none).redact(text);
          // O'Brien is checked as "O'Brien" and as "Brien": neither may be left behind.
          for (const part of [...parts(f0, l0), ...parts(f1, l1)]) expect(out).not.toMatch(wordRegex(part));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('a young person not on roll, typed as a description', () => {
  const described: RedactionChild = { key: 'person:4', kind: 'young_person', firstName: 'Juniper', lastName: 'from Harrowgate School' };

  it('withholds the phrase and the name-like words, but leaves describing words elsewhere alone', () => {
    const redaction = planRedaction([described], new Set());
    expect(redaction.redact('Juniper from Harrowgate School sent it.')).toBe('Young person A sent it.');
    expect(redaction.redact('Juniper told her friend; Harrowgate staff were told.')).toBe('Young person A told her friend; Young person A staff were told.');
    expect(redaction.redact('The school spoke to a pupil from Year 9.')).toBe('The school spoke to a pupil from Year 9.');
  });
});
