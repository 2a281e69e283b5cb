/** One schema step. Shipped migrations are never edited: a change is a new file. */
export type Migration = {
  version: number;
  name: string;
  sql: string;
  /**
   * The step rebuilds a table that other tables refer to by a foreign key (SQLite's
   * "other kinds of table schema changes"): migrate() runs it with foreign keys off and checks
   * every foreign key before the transaction commits.
   */
  rebuildsTables?: true;
};
