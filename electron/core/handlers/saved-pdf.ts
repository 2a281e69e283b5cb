import { createHash } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import type { Database, Executor } from '../db/connection';
import { AppError } from '../errors';
import { FileInUseError, writeFileAtomic } from '../fs/atomic-write';
import type { ExportConfig } from '../context';

export function isInside(folder: string, path: string): boolean {
  const rel = relative(resolve(folder), resolve(path));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function notSaved(error: unknown): AppError {
  // Windows: most often the last export of this name, still open in a PDF viewer, which
  // holds it without FILE_SHARE_DELETE so that it cannot be replaced (writeFileAtomic has
  // already waited a moment for it). EPERM would otherwise read as a folder we may not use.
  if (error instanceof FileInUseError) {
    return new AppError('not_saved', 'Another program has that file open (a PDF viewer, perhaps), so the PDF was not saved. Close it and export again, or choose another name.');
  }
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOSPC') return new AppError('storage_full', 'The disk you chose is full, so the PDF was not saved. Free some space or choose another place.');
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new AppError('not_saved', 'This computer account may not save files in that folder, so the PDF was not saved. Choose another place, such as your Documents folder.');
  if (code === 'ENOENT' || code === 'ENOTDIR') return new AppError('not_saved', 'That folder no longer exists (a USB stick may have been removed), so the PDF was not saved. Choose another place.');
  return new AppError('not_saved', 'The PDF could not be saved there. Choose another place and try again.');
}

/** The save dialog, refused at once where there is none (a test harness without one), before any work or password is spent. */
export function requireSaveDialog(exports: ExportConfig): NonNullable<ExportConfig['chooseSavePath']> {
  if (!exports.chooseSavePath) throw new AppError('not_saved', 'Saving documents is not available in this window.');
  return exports.chooseSavePath;
}

/**
 * Where the person wants a PDF saved, asked through the save dialog: ".pdf" added when left
 * off, and never inside the app's own data folder (`what` names the document in the refusal,
 * e.g. "A printed record"). Null when they cancel.
 */
export async function choosePdfPath(exports: ExportConfig, dataDir: string, suggestedName: string, what: string): Promise<string | null> {
  const chosen = await requireSaveDialog(exports)(suggestedName);
  if (chosen === null) return null;
  const path = extname(chosen).toLowerCase() === '.pdf' ? chosen : `${chosen}.pdf`;
  if (isInside(dataDir, path)) throw new AppError('not_saved', `${what} may not be saved inside the app’s own data folder. Choose another place.`);
  return path;
}

/** What the audit row of a saved PDF records of the file itself. */
export type SavedFile = { bytes: number; sha256: string };

/**
 * Writes the PDF and its audit row as one: the row is appended in a transaction that commits
 * only once the file is safely on disk, and a file written under a transaction that then
 * fails is removed, so the audit log never lacks a saved copy nor names one that is not there.
 */
export async function savePdfAudited(db: Database, path: string, buffer: Buffer, audit: (tx: Executor, file: SavedFile) => Promise<void>): Promise<void> {
  let written = false;
  try {
    await db.transaction(async (tx) => {
      await audit(tx, { bytes: buffer.length, sha256: createHash('sha256').update(buffer).digest('hex') });
      try {
        await writeFileAtomic(path, buffer, 0o600);
      } catch (error) {
        throw notSaved(error);
      }
      written = true;
    });
  } catch (error) {
    if (written) await unlink(path).catch(() => undefined);
    throw error;
  }
}
