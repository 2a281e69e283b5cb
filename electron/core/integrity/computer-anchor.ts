import { createHash } from 'node:crypto';
import { readFile, rename } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write';
import { parseAnchor, type SignedAnchor } from './anchor';

/** Marks the file as ours, so an unrelated file of that name is never taken for an anchor. */
const FORMAT = 'ypsi-records-computer-anchor';

/**
 * Where this computer keeps the anchor of one data folder: a file in `stateDir` (the app's
 * own folder, outside every data folder), named from a hash of the data folder's resolved
 * path, so each data folder has its own and copying a data folder elsewhere does not bring
 * this file with it. The path itself is not written anywhere: it often names a person.
 */
export function computerAnchorPath(stateDir: string, dataDir: string): string {
  const id = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 32);
  return join(stateDir, `anchor-${id}.json`);
}

/** The anchor in the file, or undefined if there is no file or what is there is not an anchor. */
export async function readComputerAnchor(path: string): Promise<SignedAnchor | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || !('format' in parsed) || parsed.format !== FORMAT || !('anchor' in parsed)) return undefined;
    return parseAnchor(parsed.anchor);
  } catch {
    return undefined;
  }
}

/**
 * Replaces the file whole (a crash leaves the old anchor or the new one), private to this
 * account. The folder is made when the core starts; if it has gone since, this fails (and is
 * logged) rather than make it again.
 */
export async function writeComputerAnchor(path: string, anchor: SignedAnchor): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify({ format: FORMAT, version: 1, anchor }, null, 2)}\n`, 0o600);
}

/**
 * The folder the desktop app keeps its anchors in, as Electron's app.getPath('userData')
 * gives it for this app (the product name under the platform's per-user application data
 * folder), so the command line, run by the same person on the same computer, finds them.
 */
export function defaultStateDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const name = 'YPSI Records';
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), name);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', name);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), name);
}

/**
 * After the app's own restore (a DSL's deliberate, audited act) the data folder holds other
 * records: this computer's anchor for it goes with the folder it describes, which the restore
 * keeps under a new name, so the restored records are not reported as older than they should
 * be, and the replaced folder can still be checked against it.
 */
export async function moveComputerAnchor(stateDir: string, fromDataDir: string, toDataDir: string): Promise<void> {
  try {
    await rename(computerAnchorPath(stateDir, fromDataDir), computerAnchorPath(stateDir, toDataDir));
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
  }
}

/**
 * At set-up in a folder where this computer kept an anchor for earlier records (the folder
 * was emptied and the records begun again): the anchor is of records that are gone, so it is
 * set aside under a dated name, kept as evidence, rather than compared with the new records
 * (which would report them as altered at every sign-in). Whether there was one is audited.
 */
export async function setAsideComputerAnchor(stateDir: string, dataDir: string, at: Date): Promise<boolean> {
  const path = computerAnchorPath(stateDir, dataDir);
  try {
    await rename(path, `${path}.before-set-up-${at.toISOString().replace(/[:.]/g, '-')}`);
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return false;
    throw error;
  }
}
