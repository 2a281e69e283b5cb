import { schoolToday } from '../../../shared/domain/dates';
import { normaliseReceiptCode } from '../../../shared/domain/transfers/receipt-code';
import { refuseCancelling, refuseConfirming, refuseDeadline, refuseSending, transferState } from '../../../shared/domain/transfers/state';
import type { TransferView } from '../../../shared/domain/transfers/transfer';
import { appendAudit } from '../audit/audit-log';
import type { Executor } from '../db/connection';
import { findPupil } from '../db/pupil-queries';
import { findTransfer, insertTransfer, listTransfers, setTransferCancelled, setTransferReceived, setTransferSent, type TransferRecord } from '../db/transfer-queries';
import { AppError } from '../errors';
import { readDocumentSource } from '../pdf/read-source';
import { receiptCheckOf } from '../transfers/receipt';
import { childrenToChoose } from './export-handlers';
import type { Handlers } from './types';

const NO_TRANSFER = 'There is no transfer with that id.';

/** What the screens see: never the package id or the receipt check. */
function transferViewOf(t: TransferRecord, today: string): TransferView {
  const { packageId, receiptCheck: _check, ...shown } = t;
  return { ...shown, hasPackage: packageId !== null, state: transferState(t, today) };
}

async function transferIn(tx: Pick<Executor, 'get'>, id: number): Promise<TransferRecord> {
  const t = await findTransfer(tx, id);
  if (!t) throw new AppError('not_found', NO_TRANSFER);
  return t;
}

function refuse(problem: string | null, field?: string): void {
  if (problem) throw new AppError('conflict', `${problem}.`, field ? { [field]: problem } : undefined);
}

/**
 * Transfers of a child-protection file (issue 20, decision 0027). Each step reads the transfer
 * inside its own transaction and checks the state rules there (shared/domain/transfers/state.ts),
 * so two DSLs acting at once cannot send it twice or confirm a cancelled one. Every step is
 * audited with ids and counts, never names.
 */
export const transferHandlers = {
  'transfers.prepare': async (input, ctx) => {
    const { db, user } = ctx.session;
    const today = schoolToday(ctx.now());
    return db.transaction(async (tx) => {
      const pupil = await findPupil(tx, input.pupilId);
      if (!pupil) throw new AppError('not_found', 'There is no pupil with that id.');
      refuse(refuseDeadline(input.dueOn, pupil.leaving?.leftOn ?? null), 'dueOn');
      // The same choice as the export page: only children in this pupil's file can be named.
      const source = await readDocumentSource(tx, { type: 'pupil-file', pupilId: input.pupilId });
      const known = new Set(childrenToChoose(source).map((c) => c.key));
      if (input.fileOptions.namedChildren.some((key) => !known.has(key))) {
        throw new AppError('invalid_input', 'Choose the children to name from those in this pupil’s file.', { namedChildren: 'Choose only children who are in this file' });
      }
      const id = await insertTransfer(tx, input, ctx.now().toISOString(), user.id);
      await appendAudit(tx, {
        action: 'transfer.prepared',
        actorId: user.id,
        at: ctx.now(),
        subjectType: 'transfer',
        subjectId: id,
        details: { pupilId: input.pupilId, method: input.method, dueOn: input.dueOn, namedChildrenCount: input.fileOptions.namedChildren.length, otherEntries: input.fileOptions.otherEntries },
      });
      return transferViewOf(await transferIn(tx, id), today);
    });
  },

  'transfers.markSent': async ({ transferId, sentOn, method }, ctx) => {
    const { db, user } = ctx.session;
    const today = schoolToday(ctx.now());
    return db.transaction(async (tx) => {
      const t = await transferIn(tx, transferId);
      refuse(refuseSending(t, sentOn, schoolToday(new Date(t.preparedAt)), today), 'sentOn');
      await setTransferSent(tx, transferId, sentOn, method, user.id);
      await appendAudit(tx, { action: 'transfer.sent', actorId: user.id, at: ctx.now(), subjectType: 'transfer', subjectId: transferId, details: { pupilId: t.pupilId, sentOn, method } });
      return transferViewOf(await transferIn(tx, transferId), today);
    });
  },

  'transfers.confirmReceived': async (input, ctx) => {
    const { db, user } = ctx.session;
    const today = schoolToday(ctx.now());
    return db.transaction(async (tx) => {
      const t = await transferIn(tx, input.transferId);
      refuse(refuseConfirming(t));
      if (input.by === 'code') {
        if (t.receiptCheck === null) {
          throw new AppError('conflict', 'No transfer package was made for this transfer, so it has no receipt code. Record who acknowledged it instead.', { code: 'This transfer has no receipt code' });
        }
        const code = normaliseReceiptCode(input.code);
        // A wrong code changes nothing: the transfer stays awaiting confirmation.
        if (code === null || receiptCheckOf(code) !== t.receiptCheck) {
          throw new AppError('invalid_input', 'That is not the receipt code for this transfer. Check it with the receiving DSL.', { code: 'That is not this transfer’s receipt code' });
        }
        await setTransferReceived(tx, t.id, ctx.now().toISOString(), user.id, '');
      } else {
        if (input.acknowledgedOn > today) throw new AppError('invalid_input', 'The date they acknowledged it cannot be in the future.', { acknowledgedOn: 'This date cannot be in the future' });
        if (t.sentOn !== null && input.acknowledgedOn < t.sentOn) {
          throw new AppError('invalid_input', 'The date they acknowledged it cannot be before it was sent.', { acknowledgedOn: 'This date cannot be before it was sent' });
        }
        await setTransferReceived(tx, t.id, input.acknowledgedOn, user.id, input.acknowledgedBy);
      }
      await appendAudit(tx, { action: 'transfer.received', actorId: user.id, at: ctx.now(), subjectType: 'transfer', subjectId: t.id, details: { pupilId: t.pupilId, by: input.by } });
      return transferViewOf(await transferIn(tx, t.id), today);
    });
  },

  'transfers.cancel': async ({ transferId, reason }, ctx) => {
    const { db, user } = ctx.session;
    const today = schoolToday(ctx.now());
    return db.transaction(async (tx) => {
      const t = await transferIn(tx, transferId);
      refuse(refuseCancelling(t));
      await setTransferCancelled(tx, transferId, ctx.now().toISOString(), user.id, reason);
      // The reason is free text that may name anyone: the transfer keeps it, the audit log does not.
      await appendAudit(tx, { action: 'transfer.cancelled', actorId: user.id, at: ctx.now(), subjectType: 'transfer', subjectId: transferId, details: { pupilId: t.pupilId } });
      return transferViewOf(await transferIn(tx, transferId), today);
    });
  },

  'transfers.list': async (_input, ctx) => {
    const today = schoolToday(ctx.now());
    return (await listTransfers(ctx.session.db)).map((t) => transferViewOf(t, today));
  },

  'transfers.get': async ({ transferId }, ctx) => transferViewOf(await transferIn(ctx.session.db, transferId), schoolToday(ctx.now())),
} satisfies Partial<Handlers>;
