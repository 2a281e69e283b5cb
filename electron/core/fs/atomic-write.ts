import { open, rename, unlink } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The new file could not be put in place because another program holds the file at its path
 * (on Windows: a PDF viewer showing the last export) or the new copy itself (an antivirus
 * scanner or the search indexer that did not let go within RENAME_RETRY_DELAYS_MS). Nothing
 * was changed: the old file, if there was one, is as it was.
 */
export class FileInUseError extends Error {
  readonly code = 'EBUSY';

  constructor(readonly path: string, cause: unknown) {
    super('Another program has the file open, so it could not be saved.', { cause });
    this.name = 'FileInUseError';
  }
}

/**
 * How long a rename on Windows waits, between attempts, for another program to let go of
 * the file or folder (docs/decisions/0013-windows.md): about 2.5 s in all, long enough for
 * an antivirus scan or the indexer to finish with a small new file, short enough that
 * someone whose PDF viewer holds the file hears why within a moment.
 */
export const RENAME_RETRY_DELAYS_MS: readonly number[] = [50, 100, 200, 400, 800, 1000];

/** The error codes Windows gives a rename whose source or target another handle holds without FILE_SHARE_DELETE. */
const IN_USE_CODES = new Set(['EPERM', 'EACCES', 'EBUSY']);

export type RenameOptions = {
  /** Which platform's rules apply; the unit test passes 'win32' to run them on Linux. */
  platform?: NodeJS.Platform;
  delaysMs?: readonly number[];
  rename?: (from: string, to: string) => Promise<void>;
  wait?: (ms: number) => Promise<unknown>;
};

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

/**
 * fs.rename, which on Windows retries while another program has the source or the target
 * open. There, rename is MoveFileEx(MOVEFILE_REPLACE_EXISTING), and it fails with
 * ERROR_ACCESS_DENIED or ERROR_SHARING_VIOLATION (EPERM, EBUSY) whenever anyone holds either
 * file, or any file inside a folder being renamed, without FILE_SHARE_DELETE: antivirus and
 * the search indexer open every new file for a moment, and let go. On Linux and macOS a
 * rename replaces the name whatever has the file open, and those codes mean a real refusal,
 * so they are not retried. The last error is rethrown as it came.
 */
export async function renameRetrying(from: string, to: string, options: RenameOptions = {}): Promise<void> {
  const platform = options.platform ?? process.platform;
  const doRename = options.rename ?? rename;
  const wait = options.wait ?? sleep;
  const delays = platform === 'win32' ? (options.delaysMs ?? RENAME_RETRY_DELAYS_MS) : [];
  for (let attempt = 0; ; attempt += 1) {
    try {
      await doRename(from, to);
      return;
    } catch (error) {
      const delay = delays[attempt];
      if (delay === undefined || !IN_USE_CODES.has(String(codeOf(error)))) throw error;
      await wait(delay);
    }
  }
}

/**
 * Writes a file so that a reader (or a process killed half-way) sees either the old
 * content or the new, never a mixture: temp file in the same folder, fsync, rename, then
 * fsync the folder so the rename itself survives a power cut.
 *
 * If the rename still fails because a file is in use (Windows only: see renameRetrying),
 * this throws FileInUseError: the temp file was just created and written in the same folder,
 * so the folder is writable, and what stands in the way is another program's hold on the file.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o600, options: RenameOptions = {}): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  try {
    await renameRetrying(temp, path, options);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    const platform = options.platform ?? process.platform;
    if (platform === 'win32' && IN_USE_CODES.has(String(codeOf(error)))) throw new FileInUseError(path, error);
    throw error;
  }
  await syncDirectory(dir);
}

/** Makes a rename or a new file in `dir` survive a power cut. */
export async function syncDirectory(dir: string): Promise<void> {
  // Windows has no documented flush for a folder: FlushFileBuffers on a folder opened to
  // read answers EPERM (seen under Wine; see docs/decisions/0013-windows.md). NTFS
  // journals the rename, so after a power cut the name holds the old file or the new one,
  // never a mixture; the file's own content was flushed (handle.sync) before the rename.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
