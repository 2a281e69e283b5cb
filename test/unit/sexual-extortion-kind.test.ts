// Decision 0021, "What to record for a sextortion incident", field 1, and "A sextortion
// incident is a police matter": the kind's label in the current advice's words, and the
// police from the outset (docs/guidance-2024.md S3: "Refer concerns, if disclosed or
// discovered, to local police and/or local authority children's services").
import { describe, expect, it } from 'vitest';
import type { LatestEntry } from '../../shared/domain/completeness';
import { policeReportBody } from '../../shared/domain/entries/police-report';
import { INCIDENT_KIND_LABELS, INCIDENT_KINDS, incidentInput, isPoliceMatter } from '../../shared/domain/incidents';
import { otherAgenciesInvolved } from '../../shared/domain/other-agencies';
import { policeInvolvement } from '../../shared/domain/police-involvement';

const sextortion = { kind: 'sexual-extortion', policeMatter: isPoliceMatter('sexual-extortion') };

describe('the incident kind sexual-extortion', () => {
  it('is offered with the label decision 0021 gives it, in the current advice’s words', () => {
    expect(INCIDENT_KINDS).toContain('sexual-extortion');
    expect(INCIDENT_KIND_LABELS['sexual-extortion']).toBe(
      'Someone threatened to share nudes or semi-nudes of a young person unless they paid or sent more (financially motivated sexual extortion, ‘sextortion’)',
    );
  });

  it('is a police matter, as adult-shared is; the kinds the advice leaves to the school are not', () => {
    expect(INCIDENT_KINDS.filter((kind) => isPoliceMatter(kind))).toEqual(['adult-shared', 'sexual-extortion']);
  });

  it('can be opened with the same facts as any other kind', () => {
    const parsed = incidentInput.safeParse({ title: 'Pupil threatened by an unknown account', cameToAttentionOn: '2026-11-20', kind: 'sexual-extortion', media: 'photo', sharing: 'not_known' });
    expect(parsed.success).toBe(true);
  });

  it('has the police involved from the outset, saying why, before and after the report is recorded', () => {
    expect(policeInvolvement({ incident: sextortion, entries: [] })).toEqual({
      involved: true,
      words: 'Yes, from the outset: this is sexual extortion (‘sextortion’), so the police must be told. The report to them is not yet recorded.',
    });
    const report: LatestEntry = { kind: 'police-report', occurredAt: '2026-11-20T10:00:00.000Z', signatures: [], body: policeReportBody.parse({ route: '101', toWhom: 'PC Fictional Quillon', crimeReference: 'FIC/7' }) };
    expect(policeInvolvement({ incident: sextortion, entries: [report] }).words).toBe('Yes, from the outset: this is sexual extortion (‘sextortion’). Reported to the police on 20 Nov 2026.');
    // So deleting anything on it needs the other agency's agreement acknowledged first.
    expect(otherAgenciesInvolved({ incident: sextortion, entries: [] })).toEqual(['police']);
  });
});
