import type { Migration } from './types';

/**
 * A password someone else set (a DSL adding, resetting or reactivating an account) is known
 * to two people until its owner changes it. `password_set_by` and `password_set_at` say who
 * set it and when; while they are set the owner may sign nothing and is told at sign-in.
 * Changing one's own password (or a recovery by the person themselves) clears both.
 * Accounts made before this migration keep the password they have: nobody is recorded.
 */
export const migration008: Migration = {
  version: 8,
  name: 'passwords set by another',
  sql: `
ALTER TABLE staff ADD COLUMN password_set_by INTEGER REFERENCES staff(id);
ALTER TABLE staff ADD COLUMN password_set_at TEXT;
`,
};
