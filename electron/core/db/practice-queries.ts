import { z } from 'zod';
import type { PracticeSessionView } from '../../../shared/domain/practice-session';
import type { Executor } from './connection';

const sessionRow = z.object({
  id: z.number().int(),
  scenario_id: z.string(),
  incident_id: z.number().int(),
  staff_name: z.string().nullable(),
  started_at: z.string(),
  completed_at: z.string().nullable(),
});

const SELECT = `SELECT p.id, p.scenario_id, p.incident_id, s.name AS staff_name, p.started_at, p.completed_at
  FROM practice_sessions p LEFT JOIN staff s ON s.id = p.staff_id`;

function toSession(row: unknown): PracticeSessionView {
  const r = sessionRow.parse(row);
  return { id: r.id, scenarioId: r.scenario_id, incidentId: r.incident_id, staffName: r.staff_name ?? 'Unknown', startedAt: r.started_at, completedAt: r.completed_at };
}

export async function insertPracticeSession(tx: Executor, scenarioId: string, incidentId: number, staffId: number, at: string): Promise<number> {
  const { lastId } = await tx.run('INSERT INTO practice_sessions (scenario_id, incident_id, staff_id, started_at) VALUES (?, ?, ?, ?)', [scenarioId, incidentId, staffId, at]);
  return lastId;
}

export async function findPracticeSession(db: Pick<Executor, 'get'>, id: number): Promise<PracticeSessionView | undefined> {
  const row = await db.get(`${SELECT} WHERE p.id = ?`, [id]);
  return row === undefined ? undefined : toSession(row);
}

export async function practiceSessionOfIncident(db: Pick<Executor, 'get'>, incidentId: number): Promise<PracticeSessionView | undefined> {
  const row = await db.get(`${SELECT} WHERE p.incident_id = ?`, [incidentId]);
  return row === undefined ? undefined : toSession(row);
}

export async function markPracticeComplete(tx: Executor, id: number, at: string): Promise<void> {
  await tx.run('UPDATE practice_sessions SET completed_at = ? WHERE id = ? AND completed_at IS NULL', [at, id]);
}

/** Completed practice sessions, the latest first: the training log. */
export async function completedPracticeSessions(db: Pick<Executor, 'all'>): Promise<PracticeSessionView[]> {
  return (await db.all(`${SELECT} WHERE p.completed_at IS NOT NULL ORDER BY p.completed_at DESC, p.id DESC`)).map(toSession);
}

/** Whether the incident has an initial review recorded (any version). */
export async function hasInitialReview(db: Pick<Executor, 'get'>, incidentId: number): Promise<boolean> {
  return (await db.get("SELECT 1 AS x FROM entries WHERE incident_id = ? AND kind = 'initial-review' LIMIT 1", [incidentId])) !== undefined;
}
