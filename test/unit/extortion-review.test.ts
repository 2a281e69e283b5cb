import { describe, expect, it } from 'vitest';
import { blackmailOnRecord } from '../../shared/domain/extortion-review';

describe('blackmailOnRecord (point 2 met by sexual extortion, decision 0021 field 8)', () => {
  it('an incident opened as sexual extortion meets point 2, with the reason in words', () => {
    expect(blackmailOnRecord('sexual-extortion', [])).toMatch(/^This incident is sexual extortion: .* is blackmail, so point 2 is met\.$/);
  });

  it('an extortion entry recorded on any other kind of incident meets it too', () => {
    expect(blackmailOnRecord('self-shared', [{ kind: 'disclosure' }, { kind: 'extortion' }])).toMatch(/^Sexual extortion is recorded on this incident/);
  });

  it('nothing about extortion leaves point 2 to the DSL', () => {
    expect(blackmailOnRecord('adult-shared', [{ kind: 'disclosure' }, { kind: 'imagery-item' }])).toBeNull();
  });
});
