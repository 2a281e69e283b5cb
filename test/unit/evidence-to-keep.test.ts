import { describe, expect, it } from 'vitest';
import { evidenceToKeep } from '../../shared/domain/evidence-to-keep';

describe('evidenceToKeep (a warning before a deletion is recorded; decision 0021, item 6)', () => {
  it('sexual extortion, by the incident’s kind or an entry, warns that the police may need the evidence (S3)', () => {
    expect(evidenceToKeep('sexual-extortion', [])).toMatch(/^Sexual extortion is recorded on this incident\. The NCA advises keeping anything that could be evidence/);
    expect(evidenceToKeep('shared-on', [{ kind: 'extortion', body: {} }])).toMatch(/^Sexual extortion is recorded/);
  });

  it('a Take It Down report warns that the image must stay on the young person’s device (S5); another route does not', () => {
    expect(evidenceToKeep('self-shared', [{ kind: 'online-report', body: { route: 'take-it-down' } }])).toMatch(/^A Take It Down report is recorded/);
    expect(evidenceToKeep('self-shared', [{ kind: 'online-report', body: { route: 'childline-iwf' } }])).toBeNull();
  });

  it('both together give both reasons; neither gives none', () => {
    const both = evidenceToKeep('sexual-extortion', [{ kind: 'online-report', body: { route: 'take-it-down' } }]);
    expect(both).toMatch(/NCA advises/);
    expect(both).toMatch(/Take It Down report is recorded/);
    expect(evidenceToKeep('possessed', [{ kind: 'disclosure', body: {} }])).toBeNull();
  });
});
