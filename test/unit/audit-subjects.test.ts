import { describe, expect, it } from 'vitest';
import { auditFacts, auditIdsNamed, auditSubject, type AuditNames } from '../../shared/domain/audit-subjects';

const names: AuditNames = {
  incidents: new Map([[7, 'YPSI-2026-004']]),
  entries: new Map([[42, { reference: 'YPSI-2026-004', kind: 'initial-review', occurredAt: '2026-11-23T10:00:00.000Z', version: 1 }]]),
  pupils: new Map([[3, 'Juniper Ashcombe']]),
  people: new Map([[9, 'Rowan Pennyfeather']]),
  staff: new Map([
    [1, 'Marigold Thistlewood'],
    [2, 'Barnaby Hollowell'],
  ]),
};
const said = (subject: string | null, actorName: string | null = 'Barnaby Hollowell') => ({ subject, actorName });

describe('audit subjects in words', () => {
  it('names an entry by incident, kind and date, an incident by reference, people by name', () => {
    expect(auditSubject('entry', '42', names)).toBe('YPSI-2026-004 · Initial review meeting, 23 Nov 2026');
    expect(auditSubject('incident', '7', names)).toBe('YPSI-2026-004');
    expect(auditSubject('pupil', '3', names)).toBe('Juniper Ashcombe');
    expect(auditSubject('staff', '2', names)).toBe('Barnaby Hollowell');
    expect(auditSubject(null, null, names)).toBeNull();
  });

  it('says a record is not found rather than showing its id, and a new kind of subject by its kind only', () => {
    expect(auditSubject('entry', '4242', names)).toBe('An entry not in these records');
    expect(auditSubject('incident_person', '9', names)).toBe('Incident person');
  });

  it('names ids in details, puts codes in words, and leaves out unknown ids and machine details', () => {
    const facts = auditFacts(
      'entry.signed',
      { meaning: 'authorise-no-referral', contentHash: 'ab'.repeat(32), signedAtKeyboardOf: 1, someOtherId: 5, reason: 'Signed at the DSL’s desk' },
      names,
      said('YPSI-2026-004 · Initial review meeting, 23 Nov 2026'),
    );
    expect(facts).toEqual([
      { label: 'Signed at the computer of', value: 'Marigold Thistlewood' },
      { label: 'Meaning', value: 'I authorise the decision not to refer' },
      { label: 'Reason', value: 'Signed at the DSL’s desk' },
    ]);
  });

  it('leaves out what the subject or the Who column already says', () => {
    expect(auditFacts('entry.signed', { signedAtKeyboardOf: 2 }, names, said(null))).toEqual([]);
    expect(auditFacts('incident.closed', { reference: 'YPSI-2026-004', incidentId: 7 }, names, said('YPSI-2026-004'))).toEqual([]);
    expect(auditFacts('entry.created', { incidentId: 7, kind: 'initial-review', entryKey: 'k', version: 1 }, names, said(auditSubject('entry', '42', names)))).toEqual([]);
  });

  it('describes changes from one value to another', () => {
    expect(auditFacts('settings.changed', { lockMinutes: { from: 5, to: 10 } }, names, said(null))).toEqual([{ label: 'Lock after (minutes)', value: '5 → 10' }]);
    expect(auditFacts('pupil.updated', { changed: { yearGroup: { from: '9', to: '10' }, sen: { from: false, to: true } } }, names, said('Juniper Ashcombe'))).toEqual([
      { label: 'Changed', value: 'Year group: 9 → 10; Special educational needs or disability: No → Yes' },
    ]);
    expect(auditFacts('incident.updated', { changed: { kind: { from: 'self-shared', to: 'shared-on' }, cameToAttentionOn: { from: '2026-11-20', to: '2026-11-19' } } }, names, said('YPSI-2026-004'))).toEqual([
      { label: 'Changed', value: 'Kind: A young person under 18 made and shared imagery of themselves with a peer under 18 → A young person under 18 shared imagery made by another under-18 with a peer or an adult; Came to attention on: 20 Nov 2026 → 19 Nov 2026' },
    ]);
    expect(auditFacts('lock', { reason: 'idle' }, names, said(null))).toEqual([{ label: 'Reason', value: 'No activity for a while' }]);
    expect(auditFacts('staff.added', { roles: ['deputy', 'head'] }, names, said('Odette Fairweather'))).toEqual([{ label: 'Roles', value: 'Deputy DSL; Headteacher' }]);
  });

  it('lists every id a row names, to look them up for a page at once', () => {
    expect(auditIdsNamed('entry', '43', { supersedes: 42, incidentId: 7, entryKey: 'k', signedAtKeyboardOf: '1' })).toEqual([
      { kind: 'entries', id: 43 },
      { kind: 'entries', id: 42 },
      { kind: 'incidents', id: 7 },
      { kind: 'staff', id: 1 },
    ]);
  });
});
