// Issue 14 item 4: whom each entry is about, and which entries concern only other children
// (shared/domain/whose-entry.ts, shared/forms/entry-about.ts). Names are made up.
import { describe, expect, it } from 'vitest';
import { ENTRY_KINDS, type EntryKind } from '../../shared/domain/entries/kinds';
import { otherEntriesStatement } from '../../shared/domain/exports';
import { aboutSentence, canBeAboutPeople, concernsOnlyOthers, entrySubjectIds, KINDS_ABOUT_PEOPLE, onlyOthersLabel } from '../../shared/domain/whose-entry';
import { entryAboutLine } from '../../shared/forms/entry-about';
import { entryDetailRows } from '../../shared/forms/entry-details';
import { checkDraft, emptyDraft, setPath } from '../../shared/forms/field-spec';
import { ENTRY_FORM_SPECS } from '../../shared/forms/specs';
import type { IncidentPerson } from '../../shared/ipc/contract';

const pupil = (id: number, pupilId: number, firstName: string, lastName: string): IncidentPerson => ({
  id,
  roles: ['pictured'],
  ageOnImageryDate: 14,
  ageWhenReported: null,
  pupil: { id: pupilId, firstName, lastName, dateOfBirth: '2012-02-02', sex: 'female', yearGroup: '9', sen: false, senDetails: '', lookedAfter: false, socialCare: 'none', leaving: null, upn: '' },
  other: null,
  addedAt: '2026-11-20T09:00:00.000Z',
  addedByName: 'Marigold Thistlewood',
  removal: null,
});
const adult: IncidentPerson = {
  id: 30,
  roles: ['received'],
  ageOnImageryDate: 34,
  ageWhenReported: null,
  pupil: null,
  other: { kind: 'adult', name: 'A coach from the sports club', age: 34, dateOfBirth: '', sex: 'male', setting: 'Sports club', relationship: 'Coach', groupSize: null },
  addedAt: '2026-11-20T09:00:00.000Z',
  addedByName: 'Marigold Thistlewood',
  removal: null,
};
const tamsin = pupil(10, 1, 'Tamsin', 'Oakridge');
const rowan = pupil(20, 2, 'Rowan', 'Ashcombe');
const people = [tamsin, rowan, adult];

const parentsOf = (personId: number) => ({ pupilPersonId: personId, informed: 'no', reasons: 'Risk at home.', decidedBy: 'Social worker', notes: '' });
const conversationAbout = (about?: number[]) => ({ ...(about ? { about } : {}), withWhom: 'A pupil', byWhom: 'DSL', summary: 'Talked it through.', supportOffered: '' });

describe('whom an entry is about', () => {
  it('reads the parents entry’s pupil, and the chosen people of the kinds that ask', () => {
    expect(entrySubjectIds('parents', parentsOf(20))).toEqual([20]);
    expect(entrySubjectIds('conversation', conversationAbout([20, 30]))).toEqual([20, 30]);
    for (const kind of KINDS_ABOUT_PEOPLE) expect(entrySubjectIds(kind, { about: [10] })).toEqual([10]);
  });

  it('takes an entry that names no one (or was recorded before it could) as about the incident as a whole', () => {
    expect(entrySubjectIds('conversation', conversationAbout())).toEqual([]);
    expect(entrySubjectIds('conversation', conversationAbout([]))).toEqual([]);
    expect(entrySubjectIds('disclosure', { about: [10] })).toEqual([]);
    expect(entrySubjectIds('action', null)).toEqual([]);
  });

  it('says for every kind whether it can be about particular people', () => {
    const about = ENTRY_KINDS.filter(canBeAboutPeople).sort();
    expect(about).toEqual(['action', 'conversation', 'deletion', 'device', 'extortion', 'imagery-item', 'online-report', 'parents', 'risk-assessment', 'social-care']);
    // Each of those kinds asks "Who is this about?" in its form (parents: which pupil).
    for (const kind of KINDS_ABOUT_PEOPLE) expect(ENTRY_FORM_SPECS[kind]?.flatMap((s) => s.fields).some((f) => f.name === 'about' && f.type === 'people')).toBe(true);
  });

  it('checks whom every form that asks it says an entry is about (else the core would not keep it to this incident’s people)', () => {
    const asking = ENTRY_KINDS.filter((kind) => ENTRY_FORM_SPECS[kind]?.flatMap((s) => s.fields).some((f) => f.name === 'about' && f.type === 'people'));
    expect([...asking].sort()).toEqual([...KINDS_ABOUT_PEOPLE].sort());
  });
});

describe('entries that concern only other children', () => {
  it('marks an entry about other people only, never one that includes the child or is about the whole incident', () => {
    const own = [10];
    expect(concernsOnlyOthers(entrySubjectIds('parents', parentsOf(20)), own)).toBe(true);
    expect(concernsOnlyOthers(entrySubjectIds('parents', parentsOf(10)), own)).toBe(false);
    expect(concernsOnlyOthers(entrySubjectIds('conversation', conversationAbout([20, 10])), own)).toBe(false);
    expect(concernsOnlyOthers(entrySubjectIds('conversation', conversationAbout([30])), own)).toBe(true);
    expect(concernsOnlyOthers(entrySubjectIds('conversation', conversationAbout()), own)).toBe(false);
    expect(concernsOnlyOthers(entrySubjectIds('disclosure', {}), own)).toBe(false);
  });

  it('words the mark for children, or for people who include an adult', () => {
    expect(onlyOthersLabel([true, true])).toBe('Concerns other children only');
    expect(onlyOthersLabel([true, false])).toBe('Concerns other people only');
  });
});

describe('the "About …" line', () => {
  it('names the people as typed, or says it is about the incident as a whole', () => {
    expect(entryAboutLine('parents', parentsOf(20), people)).toBe('About Rowan Ashcombe');
    expect(entryAboutLine('conversation', conversationAbout([10, 20, 30]), people)).toBe('About Tamsin Oakridge, Rowan Ashcombe and A coach from the sports club');
    expect(entryAboutLine('conversation', conversationAbout(), people)).toBe('About the incident as a whole');
    expect(entryAboutLine('conversation', conversationAbout([99]), people)).toBe('About someone no longer on this incident');
    expect(entryAboutLine('disclosure', {}, people)).toBeNull();
    expect(aboutSentence(['Pupil A', 'Pupil B'])).toBe('About Pupil A and Pupil B');
  });

  it('shows "Who is this about?" first among the entry’s details', () => {
    const rows = entryDetailRows('conversation', conversationAbout([20]), { people, staff: [] })!.rows;
    expect(rows[0]).toEqual({ label: 'Who is this about?', value: 'Rowan Ashcombe' });
  });
});

describe('the form', () => {
  const timing = { occurredOn: '2026-11-20', occurredTime: '10:15' };
  const draft = (kind: EntryKind, answers: Record<string, unknown>) =>
    Object.entries(answers).reduce((d, [k, v]) => setPath(d, k, v), emptyDraft(ENTRY_FORM_SPECS[kind]!));

  it('starts with no one ticked, which saves as the incident as a whole', () => {
    const result = checkDraft('conversation', ENTRY_FORM_SPECS.conversation!, timing, draft('conversation', { withWhom: 'A', byWhom: 'B', summary: 'C' }));
    expect(result.ok && result.value.body.about).toEqual([]);
  });

  it('keeps the people ticked, and refuses the same person twice', () => {
    const ok = checkDraft('action', ENTRY_FORM_SPECS.action!, timing, draft('action', { about: [20], type: 'education', description: 'Talk on consent' }));
    expect(ok.ok && ok.value.body.about).toEqual([20]);
    const twice = checkDraft('action', ENTRY_FORM_SPECS.action!, timing, draft('action', { about: [20, 20], type: 'education', description: 'Talk on consent' }));
    expect(twice.ok ? null : twice.errors['body.about']).toBe('Choose each person once');
  });
});

describe('the pupil document’s statement of the choice', () => {
  it('says what was chosen and what it meant for this copy', () => {
    expect(otherEntriesStatement('include', 3)).toBe('Included, as chosen: 3 entries that concern only other children or people are in this copy, each saying whom it is about.');
    expect(otherEntriesStatement('leave-out', 1)).toBe('Left out, as chosen: 1 entry that concerns only other children or people is not in this copy.');
    expect(otherEntriesStatement('include', 1)).toBe('Included, as chosen: 1 entry that concerns only other children or people is in this copy, each saying whom it is about.');
    expect(otherEntriesStatement('leave-out', 0)).toBe('Left out, as chosen; there were none in this record.');
  });
});
