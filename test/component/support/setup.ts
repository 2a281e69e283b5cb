import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { failOnFakeApiProblems } from './fake-api';

// Testing Library unmounts after each test only when the runner has globals; this one does not.
// One hook, in this order: a failure of the fake core's checks must not leave the screen
// mounted for the next test.
afterEach(() => {
  cleanup();
  failOnFakeApiProblems();
});
