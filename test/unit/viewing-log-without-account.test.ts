// Issue 18 item 3: staff without an account in the app, named in a viewing log (guidance
// section 2, "Viewing the imagery": a teacher shown the imagery, the IT technician who found
// it). Entries already stored are signed over their exact body, so an older body must parse
// to exactly what it was. Names here are made up.
import { describe, expect, it } from 'vitest';
import { meaningsFor, signingRefusal } from '../../shared/domain/entries/kinds';
import { viewingLogBody } from '../../shared/domain/entries/viewing-log';
import { missingSignatures } from '../../shared/domain/completeness';
import { entryDetailRows, type DetailRow } from '../../shared/forms/entry-details';

/** A viewing log as stored before issue 18: staff ids only. */
const STORED_BEFORE = {
  place: 'Head’s office',
  onPremises: 'yes',
  viewerStaffId: 1,
  viewerAuthority: 'dsl',
  presentStaffId: 2,
  presentAlsoViewed: true,
  sameSex: 'yes',
  notSameSexReason: '',
  reason: 'decide-referral',
  reasonFacts: 'The pupils could not say whether the image showed a sexual act.',
  headConsulted: 'yes',
  nothingCopied: true,
  subsequentActions: 'Referred to the police.',
  staffSupport: 'offered',
};

const withoutAccount = (changes: Record<string, unknown>) => ({ ...STORED_BEFORE, ...changes });

function fieldMessages(body: unknown): Record<string, string> {
  const parsed = viewingLogBody.safeParse(body);
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
}

const context = { people: [], staff: [{ id: 1, name: 'Ms Example Viewer' }, { id: 2, name: 'Mr Sample Witness' }] };
const valueOf = (rows: readonly DetailRow[], label: string) => rows.find((r) => r.label === label)?.value;

describe('the viewing log’s body, old and new', () => {
  it('parses a body stored before staff without an account to exactly what was signed', () => {
    expect(viewingLogBody.parse(STORED_BEFORE)).toStrictEqual(STORED_BEFORE);
    expect(viewingLogBody.parse({ ...STORED_BEFORE, presentStaffId: 'none', presentAlsoViewed: false })).toStrictEqual({ ...STORED_BEFORE, presentStaffId: 'none', presentAlsoViewed: false });
  });

  it('accepts someone without an account by name and role, as viewer or as the person present', () => {
    expect(viewingLogBody.safeParse(withoutAccount({ viewerStaffId: 'no-account', viewerName: 'Sam Ortiz', viewerRole: 'class teacher', viewerAuthority: 'saw-it-unavoidably' })).success).toBe(true);
    expect(viewingLogBody.safeParse(withoutAccount({ presentStaffId: 'no-account', presentName: 'Ezra Quillfeather', presentRole: 'IT technician' })).success).toBe(true);
  });

  it('asks for the name and role of someone without an account, in words', () => {
    expect(fieldMessages(withoutAccount({ viewerStaffId: 'no-account' }))).toEqual({
      viewerName: 'Enter the name of the person who viewed the imagery',
      viewerRole: 'Enter their role, for example “class teacher” or “IT technician”',
    });
    expect(fieldMessages(withoutAccount({ presentStaffId: 'no-account', presentName: '   ', presentRole: 'IT technician' }))).toEqual({
      presentName: 'Enter the name of the person who was present',
    });
  });

  it('asks for them on the same submit as the other missing answers', () => {
    expect(Object.keys(fieldMessages({ viewerStaffId: 'no-account', presentStaffId: 'none' }))).toEqual(expect.arrayContaining(['place', 'reason', 'viewerName', 'viewerRole']));
  });

  it('refuses the same person without an account as both viewer and the person present', () => {
    expect(
      fieldMessages(withoutAccount({ viewerStaffId: 'no-account', viewerName: 'Sam Ortiz', viewerRole: 'class teacher', presentStaffId: 'no-account', presentName: 'sam ortiz', presentRole: 'class teacher' })),
    ).toEqual({ presentName: 'The person present must be someone other than the viewer' });
  });

  it('says what to choose when nobody is chosen', () => {
    expect(fieldMessages(withoutAccount({ viewerStaffId: undefined, presentStaffId: undefined }))).toEqual({
      viewerStaffId: 'Choose who viewed the imagery, or “Someone without an account”',
      presentStaffId: 'Choose who else was in the room, “Someone without an account” or “No one else was present”',
    });
  });
});

describe('who signs a viewing log naming someone without an account', () => {
  const body = viewingLogBody.parse(withoutAccount({ presentStaffId: 'no-account', presentName: 'Ezra Quillfeather', presentRole: 'IT technician' }));
  const dsl = { id: 3, roles: ['dsl'] };

  it('awaits the viewer and a DSL’s attestation, not the person without an account', () => {
    expect(missingSignatures({ kind: 'viewing-log', body, occurredAt: '2026-11-23T10:00:00Z', signatures: [] } as never)).toEqual([
      { meaning: 'viewed-accurate', staffId: 1 },
      { meaning: 'attest-no-account', role: 'dsl' },
    ]);
    expect(meaningsFor('viewing-log', body)).toEqual(['viewed-accurate', 'attest-no-account']);
  });

  it('lets only a DSL attest it', () => {
    expect(signingRefusal('viewing-log', 'attest-no-account', body, dsl, 1)).toBeNull();
    expect(signingRefusal('viewing-log', 'attest-no-account', body, { id: 4, roles: ['head'] }, 1)).toBe('Only a Designated Safeguarding Lead can sign with this meaning.');
  });

  it('offers no attestation when everyone named has an account', () => {
    expect(signingRefusal('viewing-log', 'attest-no-account', viewingLogBody.parse(STORED_BEFORE), dsl, 1)).toBe('Everyone named in this record has an account in the app and signs for themselves.');
  });
});

describe('a viewing log naming someone without an account, in words', () => {
  const body = withoutAccount({ viewerStaffId: 'no-account', viewerName: 'Sam Ortiz', viewerRole: 'class teacher', viewerAuthority: 'saw-it-unavoidably' });

  it('shows their name and role, and that a DSL’s signature is awaited', () => {
    const rows = entryDetailRows('viewing-log', body, context)!.rows;
    expect(valueOf(rows, 'Viewed by')).toBe(
      'Sam Ortiz, class teacher (no account in the app) — No one’s: they saw it unavoidably (a pupil showed it to them, or it was found on a school device or network)',
    );
    expect(valueOf(rows, 'Also present')).toBe('Mr Sample Witness (also viewed)');
    expect(valueOf(rows, 'No account in the app')).toBe('Awaiting a DSL’s signature to attest it');
  });

  it('names the DSL who attested it', () => {
    const rows = entryDetailRows('viewing-log', withoutAccount({ presentStaffId: 'no-account', presentName: 'Ezra Quillfeather', presentRole: 'IT technician', presentAlsoViewed: false }), {
      ...context,
      signatures: [{ meaning: 'attest-no-account', signerName: 'Ms Example Viewer' }],
    })!.rows;
    expect(valueOf(rows, 'Also present')).toBe('Ezra Quillfeather, IT technician (no account in the app; did not view)');
    expect(valueOf(rows, 'No account in the app')).toBe('Attested by Ms Example Viewer');
  });

  it('adds no such row when everyone named has an account', () => {
    expect(entryDetailRows('viewing-log', STORED_BEFORE, context)!.rows.map((r) => r.label)).not.toContain('No account in the app');
  });
});
