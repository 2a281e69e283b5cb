import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { takeProblems } from './fake-api';

// Testing Library unmounts after each test only when the runner has globals; this one does not.
afterEach(() => {
  cleanup();
});

// A fake core that was asked something it could not answer, or asked in a shape the
// contract refuses, fails the test even when the screen hid the refusal.
afterEach(() => {
  const problems = takeProblems();
  if (problems.length > 0) throw new Error(problems.join('\n'));
});
