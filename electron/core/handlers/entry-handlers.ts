import { draftKey } from '../../../shared/domain/drafts';
import { deleteDraftOfForm } from '../db/draft-queries';
import { randomUUID } from 'node:crypto';
import { schoolTimeToUtc } from '../../../shared/domain/dates';
import { meaningMisfit, signingRefusal, type EntryContent } from '../../../shared/domain/entries/kinds';
import { NO_ACCOUNT } from '../../../shared/domain/entries/viewing-log';
import { ROLE_LABELS } from '../../../shared/domain/staff';
import { mustChangePasswordFirst } from '../../../shared/domain/staff-rules';
import { AppError } from '../errors';
import { appendAudit } from '../audit/audit-log';
import { rosterMember } from '../integrity/roster';
import { signerFor } from '../session/open-session';
import type { Executor } from '../db/connection';
import {
  countSignatures,
  entriesOfIncident,
  findEntry,
  findSignature,
  hasSigned,
  insertEntry,
  insertSignature,
  signaturesOfIncident,
  type EntryRecord,
  type NewEntryRow,
} from '../db/entry-queries';
import { findPerson, peopleOfIncident } from '../db/incident-queries';
import { assessImmediateReferral } from '../../../shared/domain/referral';
import { imageryOfEntries, reviewInput } from '../../../shared/domain/review-people';
import { blackmailOnRecord } from '../../../shared/domain/extortion-review';
import { overrideMissing, reviewAnswers } from '../../../shared/domain/entries/initial-review';
import { findStaffById, passwordSetByAnother } from '../db/staff-queries';
import { entryContentHash } from '../records/content-hash';
import { entryView } from '../records/read-models';
import type { SessionContext } from '../context';
import { checkDeletionAgreement } from './deletion-agreement';
import { checkEntrySubjects } from './entry-subjects';
import { auditPendingFailures, refuseWhileThrottled } from './session-handlers';
import type { Handlers } from './types';
import { requireIncident, requireWritableIncident } from './incident-guards';

/** A few minutes' grace for a PC clock a little behind the person's watch. */
const FUTURE_GRACE_MS = 5 * 60_000;

function occurredAt(ctx: SessionContext, occurredOn: string, occurredTime: string): string {
  const at = schoolTimeToUtc(occurredOn, occurredTime);
  if (Date.parse(at) > ctx.now().getTime() + FUTURE_GRACE_MS) {
    throw new AppError('invalid_input', 'The date and time cannot be in the future.', {
      occurredOn: 'The date and time cannot be in the future',
    });
  }
  return at;
}

/**
 * Kind-specific facts the schema cannot see: the staff and people an entry names exist,
 * and a decision to manage in school against the five points carries its override.
 */
async function checkReferences(db: Pick<Executor, 'get' | 'all'>, incidentId: number, content: EntryContent): Promise<void> {
  if (content.kind === 'parents') {
    const person = await findPerson(db, content.body.pupilPersonId);
    if (!person || person.incidentId !== incidentId || !person.pupil || person.removal) {
      throw new AppError('invalid_input', 'Check which pupil this is about.', { 'body.pupilPersonId': 'Choose a pupil on this incident' });
    }
  }
  if (content.kind === 'initial-review' && content.body.points.coercionOrGrooming !== 'yes') {
    const incident = await requireIncident(db, incidentId);
    const blackmail = blackmailOnRecord(incident.kind, (await entriesOfIncident(db, incidentId)).filter((e) => e.latest));
    if (blackmail) throw new AppError('invalid_input', blackmail, { 'body.points.coercionOrGrooming': `${blackmail} Answer “Yes”.` });
  }
  if (content.kind === 'initial-review' && content.body.decision === 'manage-in-school') {
    const incident = await requireIncident(db, incidentId);
    const people = await peopleOfIncident(db, incidentId);
    const imagery = imageryOfEntries((await entriesOfIncident(db, incidentId)).filter((e) => e.latest));
    const assessment = assessImmediateReferral(reviewInput(incident, people, reviewAnswers(content.body), imagery));
    const refused = overrideMissing(assessment.outcome, content.body);
    if (refused) throw new AppError('invalid_input', refused.message, { 'body.overrideReasons': refused.field });
  }
  if (content.kind === 'viewing-log') {
    // Someone without an account is named and described, not looked up: the schema has
    // required their name and role, and a DSL's signature attests them (kinds.ts).
    const { viewerStaffId, presentStaffId } = content.body;
    if (viewerStaffId !== NO_ACCOUNT) {
      const viewer = await findStaffById(db, viewerStaffId);
      if (!viewer || !viewer.active) throw new AppError('invalid_input', 'Check who viewed the imagery.', { 'body.viewerStaffId': 'Choose a current member of staff' });
    }
    if (typeof presentStaffId === 'number') {
      if (presentStaffId === viewerStaffId) {
        throw new AppError('invalid_input', 'Check who else was present.', { 'body.presentStaffId': 'The person present must be someone other than the viewer' });
      }
      const present = await findStaffById(db, presentStaffId);
      if (!present || !present.active) throw new AppError('invalid_input', 'Check who else was present.', { 'body.presentStaffId': 'Choose a current member of staff' });
    }
  }
}

async function insertVersion(tx: Executor, row: Omit<NewEntryRow, 'contentHash'>): Promise<number> {
  return insertEntry(tx, { ...row, contentHash: entryContentHash(row) });
}

async function viewOf(db: Pick<Executor, 'get' | 'all'>, id: number) {
  const entry = await findEntry(db, id);
  if (!entry) throw new Error('entry row not found');
  return entryView(entry, await signaturesOfIncident(db, entry.incidentId));
}

async function requireLatest(db: Pick<Executor, 'get'>, entryId: number): Promise<EntryRecord> {
  const entry = await findEntry(db, entryId);
  if (!entry) throw new AppError('not_found', 'There is no entry with that id.');
  if (!entry.latest) {
    throw new AppError('conflict', 'A newer version of this entry exists. Open the latest version and work on that.');
  }
  return entry;
}

export const entryHandlers = {
  'entries.create': async (input, ctx) => {
    const { db, user } = ctx.session;
    const at = occurredAt(ctx, input.occurredOn, input.occurredTime);
    const id = await db.transaction(async (tx) => {
      // Checked inside the write's transaction, so no other writer can close the incident or remove a person in between.
      await requireWritableIncident(tx, input.incidentId);
      await checkReferences(tx, input.incidentId, input);
      await checkDeletionAgreement(tx, input.incidentId, input);
      await checkEntrySubjects(tx, input.incidentId, input);
      const entryKey = randomUUID();
      const newId = await insertVersion(tx, {
        entryKey,
        incidentId: input.incidentId,
        kind: input.kind,
        version: 1,
        supersedesId: null,
        occurredAt: at,
        recordedAt: ctx.now().toISOString(),
        authorId: user.id,
        body: input.body,
        amendmentReason: null,
      });
      // The saved entry replaces its draft in the same commit: neither can outlive the other.
      await deleteDraftOfForm(tx, user.id, draftKey({ form: 'entry', kind: input.kind, incidentId: input.incidentId }));
      await appendAudit(tx, { action: 'entry.created', actorId: user.id, at: ctx.now(), subjectType: 'entry', subjectId: newId, details: { incidentId: input.incidentId, kind: input.kind, entryKey, version: 1 } });
      return newId;
    });
    return viewOf(db, id);
  },

  'entries.revise': async (input, ctx) => {
    const { db, user } = ctx.session;
    const at = occurredAt(ctx, input.occurredOn, input.occurredTime);
    const id = await db.transaction(async (tx) => {
      // Every check inside the write's transaction: the version is still the latest, still
      // unsigned (or a reason is given), and the incident still open, when the new version is written.
      const previous = await requireLatest(tx, input.entryId);
      await requireWritableIncident(tx, previous.incidentId);
      if (input.kind !== previous.kind) throw new AppError('invalid_input', 'An entry keeps its kind when it is amended.', { kind: 'An entry keeps its kind' });
      if ((await countSignatures(tx, previous.id)) > 0 && !input.reason) {
        throw new AppError(
          'signed_entry_locked',
          'This entry has been signed, so it cannot be edited. Amend it instead: give the reason, and a new version is saved beside the signed one, which stays as it was.',
          { reason: 'Give the reason for amending a signed entry' },
        );
      }
      await checkReferences(tx, previous.incidentId, input);
      await checkDeletionAgreement(tx, previous.incidentId, input);
      await checkEntrySubjects(tx, previous.incidentId, input, Array.isArray(previous.body.about) ? previous.body.about : []);
      const newId = await insertVersion(tx, {
        entryKey: previous.entryKey,
        incidentId: previous.incidentId,
        kind: previous.kind,
        version: previous.version + 1,
        supersedesId: previous.id,
        occurredAt: at,
        recordedAt: ctx.now().toISOString(),
        authorId: user.id,
        body: input.body,
        amendmentReason: input.reason ?? null,
      });
      await deleteDraftOfForm(tx, user.id, draftKey({ form: 'amend', entryId: input.entryId, kind: previous.kind, incidentId: previous.incidentId }));
      await appendAudit(tx, {
        action: 'entry.amended',
        actorId: user.id,
        at: ctx.now(),
        subjectType: 'entry',
        subjectId: newId,
        details: { incidentId: previous.incidentId, entryKey: previous.entryKey, version: previous.version + 1, supersedes: previous.id },
      });
      return newId;
    });
    return viewOf(db, id);
  },

  'entries.sign': async ({ entryId, meaning, username, password }, ctx) => {
    const { db, user } = ctx.session;
    // Checked before the password too, so a closed incident or an old version is refused straight away.
    const entry = await requireLatest(db, entryId);
    await requireWritableIncident(db, entry.incidentId);
    // Whether the content calls for this meaning is known before anyone types a password.
    const misfit = meaningMisfit(entry.kind, meaning, entry.body);
    if (misfit) {
      throw new AppError('invalid_input', misfit, { meaning: 'Choose one of the meanings offered' });
    }
    // Signing is a fresh proof of identity: the signer's own password, checked against their
    // own key slot, one authentication at a time with sign-in (ctx.auth: see session.unlock).
    const attempt = await ctx.auth.run(async () => {
      const account = await ctx.keyslots.lookupFor(username);
      await refuseWhileThrottled(ctx, account);
      const tried = await ctx.keyslots.unlockWithPassword(username, password);
      if (!tried.ok) {
        await ctx.throttle.recordFailure(ctx.now(), { staffId: tried.staffId, account, path: 'signing', audited: true });
        await db.transaction((tx) =>
          appendAudit(tx, { action: 'sign.failed', actorId: user.id, at: ctx.now(), subjectType: 'entry', subjectId: entryId, details: { meaning } }),
        );
        throw new AppError('bad_credentials', 'The username or password is not right.', { password: 'The username or password is not right' });
      }
      tried.dataKey.fill(0);
      tried.nextDataKey?.fill(0);
      // Any failures still waiting for the log (none, usually: sign-in wrote them) go in before the count is cleared.
      const failures = await ctx.throttle.pendingFailures(ctx.now());
      if (failures.length > 0) await db.transaction((tx) => auditPendingFailures(tx, failures), { recordsUnchanged: true });
      await ctx.throttle.succeeded(ctx.now(), account);
      return tried;
    });
    const signatureId = await db.transaction(async (tx) => {
      // Again inside the write's transaction: while the password was being checked another
      // writer may have amended the entry, closed the incident, changed or deactivated the
      // signer's account, or signed the same way.
      await requireLatest(tx, entry.id);
      await requireWritableIncident(tx, entry.incidentId);
      // Roles from the signed roster, never the staff table (decision 0017); the key that
      // signs must be the one the roster holds for them.
      const signer = await rosterMember(tx, attempt.staffId);
      if (!signer || !signer.active) throw new AppError('forbidden', 'That account cannot sign.');
      if (signer.sign === null) {
        throw new AppError('conflict', `${signer.name} must sign in once on this computer before they can sign, so that the records hold their signing key.`);
      }
      if (signer.sign !== attempt.keys.publicKeys.sign) throw new AppError('forbidden', 'That account’s signing key is not the one the records hold for it. Ask a DSL to reset its password.');
      // A password someone else chose is known to two people: it proves nothing about who signed.
      const setBy = await passwordSetByAnother(tx, signer.id);
      if (setBy) throw new AppError('forbidden', mustChangePasswordFirst(signer.name, setBy.byName, signer.id === user.id));
      const refusal = signingRefusal(entry.kind, meaning, entry.body, signer, entry.authorId);
      if (refusal) throw new AppError('forbidden', refusal);
      if (await hasSigned(tx, entry.id, signer.id, meaning)) {
        throw new AppError('conflict', `${signer.name} has already signed this version with that meaning.`);
      }
      const id = await insertSignature(tx, {
        entryId: entry.id,
        signerId: signer.id,
        signerName: signer.name,
        signerRole: signer.roles.map((r) => ROLE_LABELS[r]).join(', '),
        meaning,
        signedAt: ctx.now().toISOString(),
        contentHash: entry.contentHash,
        witnessedBy: user.id,
      });
      await appendAudit(tx, {
        action: 'entry.signed',
        actorId: signer.id,
        at: ctx.now(),
        subjectType: 'entry',
        subjectId: entry.id,
        details: { meaning, contentHash: entry.contentHash, signedAtKeyboardOf: user.id },
      });
      return id;
      // Signed by the signer's own key: their password, typed here, unwrapped it.
    }, { signer: signerFor(attempt.staffId, attempt.keys) });
    const signature = await findSignature(db, signatureId);
    if (!signature) throw new Error('signature row not found');
    return signature;
  },
} satisfies Partial<Handlers>;
