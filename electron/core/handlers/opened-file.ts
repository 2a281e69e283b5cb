import { readFile, stat } from 'node:fs/promises';
import type { OpenFilePurpose } from '../core-api';
import type { ExportConfig } from '../context';
import { AppError } from '../errors';

/** A file the person chose to read in, as bytes; its path stays in the core. */
export type OpenedFile = { path: string; bytes: Buffer };

/**
 * Asks the person which file to read in (the open-file dialog in Electron; the harness gives
 * a path) and reads it whole, refusing at once a file larger than `maxBytes` (named in words by
 * `what`, e.g. "A pupil list") so a wrong choice, a film say, is never read into memory. Null
 * when they cancel.
 */
export async function readChosenFile(exports: ExportConfig, purpose: OpenFilePurpose, maxBytes: number, what: string): Promise<OpenedFile | null> {
  if (!exports.chooseOpenPath) throw new AppError('not_found', 'Choosing a file to read is not available in this window.');
  const path = await exports.chooseOpenPath(purpose);
  if (path === null) return null;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new AppError('invalid_input', `${what} must be a file, not a folder. Choose the file itself.`);
    if (info.size > maxBytes) {
      throw new AppError('invalid_input', `${what} is at most ${Math.round(maxBytes / 1_000_000)} MB; the file you chose is ${(info.size / 1_000_000).toFixed(1)} MB. Check you chose the right file.`);
    }
    return { path, bytes: await readFile(path) };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') throw new AppError('not_found', 'That file is no longer there (a USB stick may have been removed). Choose it again.');
    if (code === 'EACCES' || code === 'EPERM') throw new AppError('not_found', 'This computer account may not read that file. Copy it somewhere you can open, such as your Documents folder, and choose it there.');
    throw new AppError('not_found', 'That file could not be read. Choose it again, or copy it to your Documents folder first.');
  }
}
