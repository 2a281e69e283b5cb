import { createHash } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { canonicalJson } from '../../../shared/domain/canonical-json';
import { formatDate, schoolToday } from '../../../shared/domain/dates';
import { dateOfBirthError } from '../../../shared/domain/impossible-dates';
import { pupilFullName, pupilInput } from '../../../shared/domain/pupils';
import { formatReceiptCode } from '../../../shared/domain/transfers/receipt-code';
import { TRANSFER_PACKAGE_EXTENSION } from '../../../shared/domain/transfers/file-names';
import { signedPackageContent, type SignedPackageContent } from '../../../shared/domain/transfers/package-content';
import { appendAudit } from '../audit/audit-log';
import type { ExportConfig, SessionContext } from '../context';
import { findPupil, findPupilBySameNameAndBirth, insertPupil } from '../db/pupil-queries';
import {
  findReceivedFile,
  findReceivedFileByPackage,
  findTransferForPackage,
  insertReceivedFile,
  listReceivedFiles,
  pupilLeftOn,
  setTransferPackage,
} from '../db/transfer-package-queries';
import { entryDetailRows } from '../../../shared/forms/entry-details';
import { AppError } from '../errors';
import { FileInUseError, writeFileAtomic } from '../fs/atomic-write';
import { readDocumentSource } from '../pdf/read-source';
import { buildPackageContent, newPackageId, readFileOptions } from '../transfer-package/build-content';
import { contentHashOf, keyFingerprint, signContent } from '../transfer-package/content-signature';
import { holdOpened, releaseOpened, takeOpened } from '../transfer-package/opened-packages';
import { openPackage, sealPackage } from '../transfer-package/package-file';
import { PackageRefusal, refusalError } from '../transfer-package/refusals';
import { previewOf, recomputedHash } from '../transfer-package/verify-content';
import { receiptCheckOf, receiptCodeFor } from '../transfers/receipt';
import { readChosenFile } from './opened-file';
import { requireOwnPassword } from './reauth';
import { isInside, requireSaveDialog } from './saved-pdf';
import type { Handlers } from './types';

/** A package holds a pupil's whole file, images never among it: 50 MB is far above any real one. */
const MAX_PACKAGE_BYTES = 50_000_000;

/** Where the package is saved: the extension added when left off, never inside the app's own data folder. */
async function choosePackagePath(exports: ExportConfig, dataDir: string, suggestedName: string): Promise<string | null> {
  const chosen = await requireSaveDialog(exports)(suggestedName);
  if (chosen === null) return null;
  const path = extname(chosen).toLowerCase() === TRANSFER_PACKAGE_EXTENSION ? chosen : `${chosen}${TRANSFER_PACKAGE_EXTENSION}`;
  if (isInside(dataDir, path)) throw new AppError('not_saved', 'A transfer package may not be saved inside the app’s own data folder. Choose another place.');
  return path;
}

function notSaved(error: unknown): AppError {
  if (error instanceof FileInUseError) return new AppError('not_saved', 'Another program has that file open, so the package was not saved. Close it, or choose another name.');
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOSPC') return new AppError('storage_full', 'The disk you chose is full, so the package was not saved. Free some space or choose another place.');
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new AppError('not_saved', 'This computer account may not save files in that folder, so the package was not saved. Choose another place, such as your Documents folder.');
  return new AppError('not_saved', 'The package could not be saved there (a USB stick may have been removed). Choose another place and try again.');
}

async function openChosen(ctx: SessionContext, passphrase: string): Promise<SignedPackageContent | null> {
  const file = await readChosenFile(ctx.exports, 'transfer-package', MAX_PACKAGE_BYTES, 'A transfer package');
  if (file === null) return null;
  try {
    return (await openPackage(file.bytes, passphrase)).signed;
  } catch (error) {
    if (error instanceof PackageRefusal) throw refusalError(error);
    throw error;
  } finally {
    file.bytes.fill(0);
  }
}

async function refuseAlreadyReceived(ctx: SessionContext, packageId: string): Promise<void> {
  const existing = await findReceivedFileByPackage(ctx.session.db, packageId);
  if (!existing) return;
  const pupil = await findPupil(ctx.session.db, existing.pupilId);
  throw new AppError('conflict', `This file was already received on ${formatDate(existing.importedAt.slice(0, 10))}${pupil ? ` and is on ${pupilFullName(pupil)}’s record` : ''}. It is not imported twice.`);
}

export const transferPackageHandlers = {
  'transfers.makePackage': async ({ transferId, passphrase, currentPassword }, ctx) => {
    const { db, user, schoolName, keys } = ctx.session;
    requireSaveDialog(ctx.exports);
    await requireOwnPassword(ctx, currentPassword, 'transfers.makePackage');
    const transfer = await findTransferForPackage(db, transferId);
    if (!transfer) throw new AppError('not_found', 'There is no transfer with that id.');
    if (transfer.cancelled) throw new AppError('conflict', 'This transfer was cancelled, so no package is made for it.');

    const source = await readDocumentSource(db, { type: 'pupil-file', pupilId: transfer.pupilId }, true);
    if (!('pupil' in source)) throw new Error('a pupil file read as an incident');
    const at = ctx.now();
    const packageId = newPackageId();
    const content = buildPackageContent({
      pupil: source.pupil,
      leftOn: await pupilLeftOn(db, transfer.pupilId),
      incidents: source.incidents,
      options: readFileOptions(transfer.fileOptions),
      sendingSchool: schoolName,
      sendingDsl: { name: user.name, publicKey: keys.publicKeys.sign },
      packageId,
      sentAt: at.toISOString(),
    });
    const signed = signContent(keys, content);
    const bytes = await sealPackage(signed, passphrase);
    const receiptCheck = receiptCheckOf(receiptCodeFor(Buffer.from(content.receiptSecret, 'base64'), packageId));

    // The reference of the pupil's first incident, or the transfer's number: never a child's name.
    const firstReference = source.incidents[0]?.incident.reference;
    const suggested = `${firstReference ? `${firstReference}-` : ''}transfer-${transfer.id}-${schoolToday(at)}${TRANSFER_PACKAGE_EXTENSION}`;
    const path = await choosePackagePath(ctx.exports, ctx.paths.dataDir, suggested);
    if (path === null) return { saved: false as const };

    let written = false;
    try {
      await db.transaction(async (tx) => {
        await setTransferPackage(tx, transfer.id, packageId, receiptCheck);
        await appendAudit(tx, {
          action: 'transfer.package-made',
          actorId: user.id,
          at,
          subjectType: 'pupil',
          subjectId: transfer.pupilId,
          details: { transferId: transfer.id, packageId, file: basename(path), bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), incidents: content.incidents.length },
        });
        try {
          await writeFileAtomic(path, bytes, 0o600);
        } catch (error) {
          throw notSaved(error);
        }
        written = true;
      });
    } catch (error) {
      if (written) await unlink(path).catch(() => undefined);
      throw error;
    }
    return { saved: true as const, fileName: basename(path), bytes: bytes.length, fingerprint: keyFingerprint(keys.publicKeys.sign) };
  },

  'receivedFiles.open': async ({ passphrase }, ctx) => {
    const signed = await openChosen(ctx, passphrase);
    if (signed === null) return { opened: false as const };
    await refuseAlreadyReceived(ctx, signed.content.packageId);
    const preview = previewOf(signed);
    const { pupil } = signed.content;
    const match = await findPupilBySameNameAndBirth(ctx.session.db, { ...pupil });
    const matches = match ? [{ id: match.id, firstName: match.firstName, lastName: match.lastName, dateOfBirth: match.dateOfBirth, yearGroup: match.yearGroup, sex: match.sex, incidentCount: 0, leftOn: match.leaving?.leftOn ?? null }] : [];
    return { opened: true as const, token: holdOpened(ctx.session, signed, ctx.now()), preview, matches };
  },

  'receivedFiles.import': async (input, ctx) => {
    const { db, user } = ctx.session;
    const signed = takeOpened(ctx.session, input.token, ctx.now());
    if (!signed) throw new AppError('not_found', 'The opened package is no longer held (it is kept for ten minutes, and not after locking). Open the file again.');
    const { content } = signed;
    const at = ctx.now();
    const result = await db.transaction(async (tx) => {
      const already = await findReceivedFileByPackage(tx, content.packageId);
      if (already) throw new AppError('conflict', `This file was already received on ${formatDate(already.importedAt.slice(0, 10))}. It is not imported twice.`);
      let pupilId: number;
      if ('pupilId' in input) {
        const pupil = await findPupil(tx, input.pupilId);
        if (!pupil) throw new AppError('not_found', 'There is no pupil with that id.');
        pupilId = pupil.id;
      } else {
        // The same rules as adding a pupil by hand: a real date of birth, no one added twice.
        const { leftOn: _leftOn, ...details } = content.pupil;
        const parsed = pupilInput.safeParse(details);
        if (!parsed.success) throw new AppError('invalid_input', 'The pupil’s details in this package cannot be added as they are. Add the pupil by hand, then attach the file to them.');
        const future = dateOfBirthError(parsed.data.dateOfBirth, schoolToday(at));
        if (future) throw new AppError('invalid_input', `${future}. Add the pupil by hand, then attach the file to them.`);
        const existing = await findPupilBySameNameAndBirth(tx, parsed.data);
        if (existing) throw new AppError('conflict', `${pupilFullName(existing)}, born on the same date, is already on the register: attach the file to them instead.`);
        pupilId = await insertPupil(tx, parsed.data, at.toISOString(), user.id);
        await appendAudit(tx, { action: 'pupil.created', actorId: user.id, at, subjectType: 'pupil', subjectId: pupilId });
      }
      const stored = canonicalJson(signed);
      const contentHash = contentHashOf(stored);
      const receiptCode = receiptCodeFor(Buffer.from(content.receiptSecret, 'base64'), content.packageId);
      const receivedFileId = await insertReceivedFile(tx, {
        pupilId,
        packageId: content.packageId,
        sendingSchool: content.sendingSchool,
        sentAt: content.sentAt,
        content: stored,
        contentHash,
        receiptCode,
        importedAt: at.toISOString(),
        importedBy: user.id,
      });
      await appendAudit(tx, {
        action: 'received-file.imported',
        actorId: user.id,
        at,
        subjectType: 'pupil',
        subjectId: pupilId,
        details: { receivedFileId, packageId: content.packageId, contentHash, incidents: content.incidents.length, newPupil: !('pupilId' in input) },
      });
      return { receivedFileId, pupilId, receiptCode: formatReceiptCode(receiptCode) };
    });
    releaseOpened(ctx.session, input.token);
    return result;
  },

  'receivedFiles.get': async ({ receivedFileId }, ctx) => {
    const row = await findReceivedFile(ctx.session.db, receivedFileId);
    if (!row) throw new AppError('not_found', 'There is no received file with that id.');
    const signed = signedPackageContent.parse(JSON.parse(row.content));
    return {
      id: row.id,
      pupilId: row.pupilId,
      preview: previewOf(signed),
      importedAt: row.importedAt,
      importedByName: row.importedByName,
      receiptCode: formatReceiptCode(row.receiptCode),
      incidents: signed.content.incidents.map((i) => ({
        incident: i.incident,
        people: i.people,
        history: i.history,
        entries: i.entries.map((e) => {
          const hash = recomputedHash(e);
          return {
            id: e.id,
            entryKey: e.entryKey,
            kind: e.kind,
            version: e.version,
            occurredAt: e.occurredAt,
            recordedAt: e.recordedAt,
            authorName: e.authorName,
            summary: e.summary,
            amendmentReason: e.amendmentReason,
            latest: e.latest,
            hashMatches: hash === e.contentHash,
            // Staff are the sending school's: the file names them only where an entry's own words do.
            details: entryDetailRows(e.kind, e.body, { people: i.people, staff: [], signatures: e.signatures }),
            signatures: e.signatures.map((s) => ({ signerName: s.signerName, signerRole: s.signerRole, meaning: s.meaning, signedAt: s.signedAt, verified: s.contentHash === hash })),
          };
        }),
      })),
    };
  },

  'receivedFiles.list': async ({ pupilId }, ctx) => {
    const rows = await listReceivedFiles(ctx.session.db, pupilId);
    const names = new Map<number, string>();
    for (const row of rows) {
      if (names.has(row.pupilId)) continue;
      const pupil = await findPupil(ctx.session.db, row.pupilId);
      names.set(row.pupilId, pupil ? pupilFullName(pupil) : '');
    }
    return rows.map((r) => ({ id: r.id, pupilId: r.pupilId, pupilName: names.get(r.pupilId) ?? '', sendingSchool: r.sendingSchool, sentAt: r.sentAt, importedAt: r.importedAt }));
  },
} satisfies Partial<Handlers>;
