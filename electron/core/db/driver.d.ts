// better-sqlite3-multiple-ciphers ships its typings, but its package.json "exports" does not
// name them, so TypeScript cannot find them. Its API is better-sqlite3's (the part used here).
declare module 'better-sqlite3-multiple-ciphers' {
  import Database from 'better-sqlite3';
  export = Database;
}
