// Issue 14 items 6, 8 and 9: the pure rules behind correcting, voiding and reopening an incident.
import { describe, expect, it } from 'vitest';
import { closureSignatureCounts, factChanges, incidentEventSummary, writeRefusal, type IncidentFacts } from '../../shared/domain/incident-lifecycle';
import { incidentCorrection } from '../../shared/ipc/contract-lifecycle';

const FACTS: IncidentFacts = {
  title: 'Image shared in a group chat',
  cameToAttentionOn: '2026-11-20',
  imageryDate: '',
  kind: 'self-shared',
  media: 'photo',
  services: ['Snapchat'],
  sharing: 'not_known',
  sharingDetails: '',
  source: 'school',
  sourceAgency: '',
  sourceReference: '',
};

describe('what a correction changed', () => {
  it('lists each changed fact in words, from → to, in the form’s order, and nothing else', () => {
    expect(factChanges(FACTS, { ...FACTS, media: 'video', imageryDate: '2026-11-18', services: ['Snapchat', 'WhatsApp'] })).toEqual([
      { field: 'imageryDate', label: 'Date the imagery was made', from: 'Not known', to: '18 Nov 2026' },
      { field: 'media', label: 'Photo or video', from: 'Photo', to: 'Video' },
      { field: 'services', label: 'Services or apps involved', from: 'Snapchat', to: 'Snapchat, WhatsApp' },
    ]);
    expect(factChanges(FACTS, { ...FACTS })).toEqual([]);
  });

  it('reads as a sentence per change, then the reason', () => {
    const changes = factChanges(FACTS, { ...FACTS, title: 'Video shared in a group chat' });
    expect(incidentEventSummary({ kind: 'corrected', reason: 'Typed wrongly', what: '', changes })).toBe(
      'Title: “Image shared in a group chat” changed to “Video shared in a group chat”\nReason: Typed wrongly',
    );
    expect(incidentEventSummary({ kind: 'reopened', reason: 'New information', what: '', changes: [] })).toBe('Reason: New information');
  });

  it('needs a reason, and the same checks as opening an incident', () => {
    const parsed = incidentCorrection.safeParse({ ...FACTS, reason: '  ' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['reason', 'Give the reason for the correction']]);
    const shared = incidentCorrection.safeParse({ ...FACTS, sharing: 'shared', sharingDetails: '', reason: 'Found out more' });
    expect(shared.error?.issues.map((i) => i.path.join('.'))).toEqual(['sharingDetails']);
  });
});

describe('dates on the school’s calendar', () => {
  it('refuses only dates after the school’s today', () => {
  });
});

describe('whether an incident can be changed', () => {
  it('refuses a voided incident and a closed one, saying why', () => {
    expect(writeRefusal({ reference: 'YPSI-2026-004', status: 'open', voided: false })).toBeNull();
    expect(writeRefusal({ reference: 'YPSI-2026-004', status: 'open', voided: true })).toBe('YPSI-2026-004 was voided, so nothing on it can be added, signed or changed.');
    expect(writeRefusal({ reference: 'YPSI-2026-004', status: 'closed', voided: false })).toBe(
      'YPSI-2026-004 is closed, so nothing on it can be added, signed or changed. A DSL can reopen it, giving the reason.',
    );
  });
});

describe('a closure after reopening', () => {
  it('counts only an approval signed after the incident was last reopened', () => {
    expect(closureSignatureCounts('2026-11-01T10:00:00.000Z', null)).toBe(true);
    expect(closureSignatureCounts('2026-11-01T10:00:00.000Z', '2026-11-05T09:00:00.000Z')).toBe(false);
    expect(closureSignatureCounts('2026-11-06T09:00:00.000Z', '2026-11-05T09:00:00.000Z')).toBe(true);
  });
});
