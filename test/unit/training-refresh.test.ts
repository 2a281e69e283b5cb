import { describe, expect, it } from 'vitest';
import { readTrainingDates, trainingRefresh } from '../../shared/domain/training';

describe('the DSL refresher training reminder', () => {
  it('is due two years after the last training, and shows from 60 days before', () => {
    expect(trainingRefresh('2025-03-10', '2026-11-29')).toEqual({ trainedOn: '2025-03-10', dueBy: '2027-03-10', state: 'current' });
    expect(trainingRefresh('2025-01-20', '2026-11-29')).toEqual({ trainedOn: '2025-01-20', dueBy: '2027-01-20', state: 'due-soon' });
    expect(trainingRefresh('2024-11-29', '2026-11-29').state).toBe('due-soon');
    expect(trainingRefresh('2024-11-28', '2026-11-29').state).toBe('overdue');
  });

  it('falls back to 28 February from a leap day', () => {
    expect(trainingRefresh('2024-02-29', '2025-01-01').dueBy).toBe('2026-02-28');
  });

  it('reads a damaged setting as no dates recorded, not as an error on every home page', () => {
    expect(readTrainingDates(undefined)).toEqual({});
    expect(readTrainingDates('not json')).toEqual({});
    expect(readTrainingDates('{"3":"yesterday"}')).toEqual({});
    expect(readTrainingDates('{"3":"2025-06-01"}')).toEqual({ '3': '2025-06-01' });
  });
});
