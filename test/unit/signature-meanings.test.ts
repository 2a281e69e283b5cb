// Every kind × meaning × signer × content: a signature's meaning must fit the version it
// signs and the person signing. The expected table is written out by hand, not derived from
// the rules, so a change to a rule shows here as a failing row.
import { describe, expect, it } from 'vitest';
import { ENTRY_KINDS, meaningsFor, signingRefusal, type EntryKind, type Signer } from '../../shared/domain/entries/kinds';
import { SIGNATURE_MEANING_KEYS, type SignatureMeaning } from '../../shared/domain/signatures';

const SIGNERS = {
  author: { id: 1, roles: ['deputy'] },
  dsl: { id: 2, roles: ['dsl'] },
  head: { id: 3, roles: ['head'] },
  deputy: { id: 4, roles: ['deputy'] },
  viewer: { id: 5, roles: ['dsl'] },
  present: { id: 6, roles: ['head'] },
} satisfies Record<string, Signer>;
type SignerName = keyof typeof SIGNERS;
const AUTHOR_ID = SIGNERS.author.id;

type Case = { kind: EntryKind; content: string; body: Record<string, unknown>; allowed: Partial<Record<SignatureMeaning, SignerName[]>> };

const authorOnly = { 'record-accurate': ['author'] } satisfies Case['allowed'];
const PLAIN_KINDS: EntryKind[] = ['disclosure', 'risk-assessment', 'parents', 'police-report', 'device', 'social-care', 'online-report', 'extortion', 'conversation', 'staff-welfare', 'action', 'decision-review', 'imagery-item'];

const CASES: Case[] = [
  ...PLAIN_KINDS.map((kind) => ({ kind, content: 'any', body: {}, allowed: authorOnly })),
  {
    kind: 'initial-review',
    content: 'decision to manage in school',
    body: { decision: 'manage-in-school', referTo: [] },
    allowed: { 'authorise-no-referral': ['head', 'present'], 'record-accurate': ['author'] },
  },
  { kind: 'initial-review', content: 'decision to refer', body: { decision: 'refer', referTo: ['police'] }, allowed: authorOnly },
  {
    kind: 'deletion',
    content: 'search by staff',
    body: { mode: 'staff-search' },
    allowed: { 'authorised-search': ['head', 'present'], 'record-accurate': ['author'] },
  },
  { kind: 'deletion', content: 'pupils asked to delete', body: { mode: 'pupils-asked' }, allowed: authorOnly },
  {
    kind: 'viewing-log',
    content: 'someone else present',
    body: { viewerStaffId: 5, presentStaffId: 6 },
    allowed: { 'viewed-accurate': ['viewer'], 'present-accurate': ['present'] },
  },
  { kind: 'viewing-log', content: 'no one else present', body: { viewerStaffId: 5, presentStaffId: 'none' }, allowed: { 'viewed-accurate': ['viewer'] } },
  {
    kind: 'viewing-log',
    content: 'present without an account',
    body: { viewerStaffId: 5, presentStaffId: 'no-account' },
    allowed: { 'viewed-accurate': ['viewer'], 'attest-no-account': ['dsl', 'viewer'] },
  },
  {
    kind: 'viewing-log',
    content: 'viewer without an account, someone else present',
    body: { viewerStaffId: 'no-account', presentStaffId: 6 },
    allowed: { 'present-accurate': ['present'], 'attest-no-account': ['dsl', 'viewer'] },
  },
  {
    kind: 'escalation',
    content: 'any',
    body: { referTo: ['police'], reasons: 'New messages came to light.' },
    allowed: { 'authorise-escalation': ['dsl', 'head', 'viewer', 'present'], 'record-accurate': ['author'] },
  },
  { kind: 'closure', content: 'any', body: { outcome: 'Closed.' }, allowed: { 'approve-closure': ['dsl', 'viewer'] } },
];

describe('signature meanings fit the content and the signer', () => {
  it('covers every kind', () => {
    expect(new Set(CASES.map((c) => c.kind))).toEqual(new Set(ENTRY_KINDS));
  });

  for (const c of CASES) {
    it(`${c.kind} (${c.content})`, () => {
      const rows: string[] = [];
      for (const meaning of SIGNATURE_MEANING_KEYS) {
        for (const [name, signer] of Object.entries(SIGNERS) as [SignerName, Signer][]) {
          const refusal = signingRefusal(c.kind, meaning, c.body, signer, AUTHOR_ID);
          const expected = (c.allowed[meaning] ?? []).includes(name);
          if ((refusal === null) !== expected) rows.push(`${meaning} by ${name}: expected ${expected ? 'allowed' : 'refused'}, got ${refusal ?? 'allowed'}`);
          if (refusal !== null) expect(refusal.length).toBeGreaterThan(10);
        }
      }
      expect(rows).toEqual([]);
      // The sign panel offers exactly the meanings someone may sign this content with.
      expect(new Set(meaningsFor(c.kind, c.body))).toEqual(new Set(Object.keys(c.allowed)));
    });
  }

  it('explains, in words, why a decision to refer cannot be authorised as not referring', () => {
    expect(signingRefusal('initial-review', 'authorise-no-referral', { decision: 'refer' }, SIGNERS.head, AUTHOR_ID)).toBe(
      'This review decided to refer, so there is no decision not to refer to authorise.',
    );
  });
});
