import { basename } from 'node:path';
import { formatDate, formatDateTime, schoolToday } from '../../../shared/domain/dates';
import { incidentReference, isPoliceMatter } from '../../../shared/domain/incidents';
import { findScenario } from '../../../shared/practice/scenarios';
import { OPENING_FACTS } from '../../../shared/practice/scenarios/opening-facts';
import { appendAudit } from '../audit/audit-log';
import { insertIncident, nextReferenceNumber } from '../db/incident-queries';
import {
  completedPracticeSessions,
  findPracticeSession,
  hasInitialReview,
  insertPracticeSession,
  markPracticeComplete,
  practiceSessionOfIncident,
} from '../db/practice-queries';
import { AppError } from '../errors';
import { renderPdf } from '../pdf/render';
import { trainingLogDocument } from '../pdf/training-log';
import { choosePdfPath, requireSaveDialog, savePdfAudited } from './saved-pdf';
import { requirePractice } from './practice-guard';
import type { Handlers } from './types';

/**
 * Practice scenarios and the training log (issue 22 items 2–4; decision 0033). A scenario is
 * worked as an ordinary incident in the practice records, so every form, rule and check is
 * the real one; this only opens that incident and remembers which scenario it is.
 */
export const practiceScenarioHandlers = {
  'practice.startScenario': async ({ scenarioId }, ctx) => {
    const { session } = ctx;
    requirePractice(session);
    const scenario = findScenario(scenarioId);
    const opening = OPENING_FACTS[scenarioId];
    if (!scenario || !opening) throw new AppError('not_found', 'There is no practice scenario with that name.');
    const at = ctx.now();
    const today = schoolToday(at);
    const year = Number(today.slice(0, 4));
    return session.db.transaction(async (tx) => {
      const number = await nextReferenceNumber(tx, year);
      const reference = incidentReference(year, number);
      const facts = {
        title: `Practice: ${scenario.name.toLowerCase()}`,
        cameToAttentionOn: today,
        imageryDate: '',
        services: [],
        source: 'school' as const,
        sourceAgency: '',
        sourceReference: '',
        ...opening,
      };
      const incidentId = await insertIncident(tx, { ...facts, reference, year, number, policeMatter: isPoliceMatter(facts.kind) }, at.toISOString(), session.user.id);
      await appendAudit(tx, { action: 'incident.created', actorId: session.user.id, at, subjectType: 'incident', subjectId: incidentId, details: { reference } });
      const practiceSessionId = await insertPracticeSession(tx, scenarioId, incidentId, session.user.id, at.toISOString());
      await appendAudit(tx, { action: 'practice.started', actorId: session.user.id, at, subjectType: 'incident', subjectId: incidentId, details: { scenario: scenarioId } });
      return { incidentId, practiceSessionId };
    });
  },

  'practice.forIncident': async ({ incidentId }, ctx) => {
    // The incident page asks on every incident: on the school's records there is no practice, so no answer.
    if (ctx.session.practice !== true) return { session: null };
    return { session: (await practiceSessionOfIncident(ctx.session.db, incidentId)) ?? null };
  },

  'practice.complete': async ({ practiceSessionId }, ctx) => {
    const { session } = ctx;
    requirePractice(session);
    const at = ctx.now();
    await session.db.transaction(async (tx) => {
      const practice = await findPracticeSession(tx, practiceSessionId);
      if (!practice) throw new AppError('not_found', 'There is no such practice session.');
      if (practice.completedAt !== null) throw new AppError('conflict', 'This practice is already marked complete.');
      if (!(await hasInitialReview(tx, practice.incidentId))) throw new AppError('invalid_input', 'Record the initial review first: the feedback, and the practice, follow from it.');
      await markPracticeComplete(tx, practiceSessionId, at.toISOString());
      await appendAudit(tx, { action: 'practice.completed', actorId: session.user.id, at, subjectType: 'incident', subjectId: practice.incidentId, details: { scenario: practice.scenarioId } });
    });
    return { done: true as const };
  },

  'practice.log': async (_input, ctx) => {
    requirePractice(ctx.session);
    return { sessions: await completedPracticeSessions(ctx.session.db) };
  },

  'practice.logPdf': async (_input, ctx) => {
    const { db, user, schoolName } = ctx.session;
    requirePractice(ctx.session);
    requireSaveDialog(ctx.exports);
    const at = ctx.now();
    const rows = (await completedPracticeSessions(db)).map((s) => ({
      person: s.staffName,
      scenario: findScenario(s.scenarioId)?.name ?? s.scenarioId,
      completed: s.completedAt ? formatDate(schoolToday(new Date(s.completedAt))) : '',
    }));
    const { buffer, pages } = await renderPdf(trainingLogDocument({ schoolName, rows, printedBy: user.name, printedAt: formatDateTime(at.toISOString()) }), ctx.exports.fontsDir);
    const path = await choosePdfPath(ctx.exports, ctx.paths.dataDir, 'Training log - practice scenarios.pdf', 'The training log');
    if (path === null) return { saved: false as const };
    await savePdfAudited(db, path, buffer, (tx, file) =>
      appendAudit(tx, { action: 'print', actorId: user.id, at, details: { document: 'Training log (practice scenarios)', file: basename(path), pages, ...file } }).then(() => undefined),
    );
    return { saved: true as const, fileName: basename(path), pages };
  },
} satisfies Partial<Handlers>;
