/** One schema step. Shipped migrations are never edited: a change is a new file. */
export type Migration = {
  version: number;
  name: string;
  sql: string;
};
