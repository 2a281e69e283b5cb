import { describe, expect, it } from 'vitest';
import { rolesInWords } from '../../shared/domain/staff-words';

describe('rolesInWords', () => {
  it('names the roles in their usual order, joined as written English', () => {
    expect(rolesInWords(['head'])).toBe('Headteacher');
    expect(rolesInWords(['head', 'deputy'])).toBe('Deputy DSL and Headteacher');
    expect(rolesInWords(['head', 'dsl', 'deputy'])).toBe('Designated Safeguarding Lead, Deputy DSL and Headteacher');
    expect(rolesInWords([])).toBe('no role');
  });
});
