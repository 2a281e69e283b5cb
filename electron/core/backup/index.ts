// Backups of a data folder (issue 8): one encrypted file per backup, restorable only into a
// new folder, each copy checked table by table. The file format is described in format.ts.
export { writeBackup, listBackups, pruneBackups } from './backup';
export { restoreBackup } from './restore';
export { verifyDataFolder } from './verify';
export { tableDigests } from './digests';
