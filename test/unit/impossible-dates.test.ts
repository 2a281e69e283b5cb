// Issue 14, item 3: dates that cannot be true, checked on the school's clock (Europe/London).
import { describe, expect, it } from 'vitest';
import { schoolToday } from '../../shared/domain/dates';
import {
  bornAfterImageryError,
  cameToAttentionError,
  dateOfBirthError,
  firstPicturedBornAfterImagery,
  picturedBornAfterImageryError,
} from '../../shared/domain/impossible-dates';

describe('today on the school’s clock', () => {
  it('is London’s date, not UTC’s, either side of midnight in summer and winter', () => {
    expect(schoolToday(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(schoolToday(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
    expect(schoolToday(new Date('2027-01-01T00:00:00Z'))).toBe('2027-01-01');
  });
});

describe('dates of birth and of coming to attention', () => {
  it('refuses a date of birth after today, and accepts today or earlier, or none', () => {
    expect(dateOfBirthError('2026-11-24', '2026-11-23')).toBe('The date of birth cannot be in the future');
    expect(dateOfBirthError('2026-11-23', '2026-11-23')).toBeNull();
    expect(dateOfBirthError('2011-05-02', '2026-11-23')).toBeNull();
    expect(dateOfBirthError('', '2026-11-23')).toBeNull();
  });

  it('refuses an incident that came to attention after today', () => {
    expect(cameToAttentionError('2027-01-04', '2026-11-23')).toBe('The date it came to the school’s attention cannot be in the future');
    expect(cameToAttentionError('2026-11-23', '2026-11-23')).toBeNull();
  });
});

describe('imagery made before the pictured child was born', () => {
  const incident = { imageryDate: '2026-10-03', cameToAttentionOn: '2026-10-05' };

  it('refuses a date of birth after the imagery’s date, saying both dates', () => {
    expect(bornAfterImageryError('2026-10-04', incident)).toBe(
      'Imagery made on 3 Oct 2026 cannot picture someone born on 4 Oct 2026: check the date of birth and the imagery date',
    );
    expect(bornAfterImageryError('2026-10-03', incident)).toBeNull();
    expect(bornAfterImageryError('', incident)).toBeNull();
  });

  it('uses the day it came to attention when the imagery’s date is not known', () => {
    expect(bornAfterImageryError('2026-10-06', { imageryDate: '', cameToAttentionOn: '2026-10-05' })).toBe(
      'Imagery made by 5 Oct 2026, when it came to attention, cannot picture someone born on 6 Oct 2026: check the date of birth and the imagery date',
    );
  });

  it('applies only to someone pictured', () => {
    expect(picturedBornAfterImageryError(['received'], '2026-10-04', incident)).toBeNull();
    expect(picturedBornAfterImageryError(['received', 'pictured'], '2026-10-04', incident)).not.toBeNull();
  });

  it('finds the first pictured person born too late, for a changed imagery date', () => {
    const people = [
      { name: 'A', roles: ['pictured'] as const, dateOfBirth: '2011-01-01' },
      { name: 'B', roles: ['received'] as const, dateOfBirth: '2026-12-01' },
      { name: 'C', roles: ['pictured'] as const, dateOfBirth: '2026-10-04' },
    ];
    expect(firstPicturedBornAfterImagery(people, incident)?.person.name).toBe('C');
    expect(firstPicturedBornAfterImagery(people.slice(0, 2), incident)).toBeNull();
  });
});
