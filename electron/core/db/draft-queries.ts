import { z } from 'zod';
import type { Draft, DraftSummary } from '../../../shared/domain/drafts';
import type { Executor } from './connection';

const summaryRow = z.object({ id: z.number().int(), staff_id: z.number().int(), form_key: z.string(), incident_id: z.number().int().nullable(), description: z.string(), saved_at: z.string() });
const draftRow = summaryRow.extend({ values_json: z.string() });

function summaryOf(row: z.output<typeof summaryRow>): DraftSummary {
  return { id: row.id, formKey: row.form_key, incidentId: row.incident_id, description: row.description, savedAt: row.saved_at };
}

/** One draft per person and form: typing again replaces it. */
export async function upsertDraft(
  tx: Executor,
  draft: { staffId: number; formKey: string; incidentId: number | null; description: string; values: unknown; savedAt: string },
): Promise<number> {
  await tx.run(
    `INSERT INTO drafts (staff_id, form_key, incident_id, description, values_json, saved_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (staff_id, form_key) DO UPDATE SET incident_id = excluded.incident_id, description = excluded.description, values_json = excluded.values_json, saved_at = excluded.saved_at`,
    [draft.staffId, draft.formKey, draft.incidentId, draft.description, JSON.stringify(draft.values), draft.savedAt],
  );
  const row = await tx.get('SELECT id FROM drafts WHERE staff_id = ? AND form_key = ?', [draft.staffId, draft.formKey]);
  return z.object({ id: z.number().int() }).parse(row).id;
}

/** A person's own drafts, newest first, without their contents. */
export async function draftsOf(tx: Pick<Executor, 'all'>, staffId: number): Promise<DraftSummary[]> {
  const rows = await tx.all('SELECT id, staff_id, form_key, incident_id, description, saved_at FROM drafts WHERE staff_id = ? ORDER BY saved_at DESC, id DESC', [staffId]);
  return rows.map((row) => summaryOf(summaryRow.parse(row)));
}

/** A draft by id if it is `staffId`'s: whose it is is part of the statement, so no other person's row is ever read. */
export async function findOwnDraft(tx: Pick<Executor, 'get'>, id: number, staffId: number): Promise<Draft | undefined> {
  const row = await tx.get('SELECT id, staff_id, form_key, incident_id, description, values_json, saved_at FROM drafts WHERE id = ? AND staff_id = ?', [id, staffId]);
  if (!row) return undefined;
  const r = draftRow.parse(row);
  return { ...summaryOf(r), values: z.record(z.string(), z.json()).parse(JSON.parse(r.values_json)) };
}

/** Deletes a draft if it is `staffId`'s; whether it did. */
export async function deleteOwnDraft(tx: Executor, id: number, staffId: number): Promise<boolean> {
  return (await tx.run('DELETE FROM drafts WHERE id = ? AND staff_id = ?', [id, staffId])).changes === 1;
}

/** Called inside a record's save: its form's draft goes with the same commit. */
export async function deleteDraftOfForm(tx: Executor, staffId: number, formKey: string): Promise<void> {
  await tx.run('DELETE FROM drafts WHERE staff_id = ? AND form_key = ?', [staffId, formKey]);
}

/** Everyone's drafts saved before `before`; the number deleted. */
export async function deleteDraftsSavedBefore(tx: Executor, before: string): Promise<number> {
  return (await tx.run('DELETE FROM drafts WHERE saved_at < ?', [before])).changes;
}
