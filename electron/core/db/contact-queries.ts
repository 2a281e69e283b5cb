import { z } from 'zod';
import { LOCAL_CONTACT_KINDS, type LocalContact, type LocalContactKind } from '../../../shared/domain/contacts/local-contacts';
import type { Executor } from './connection';

/** What the DSL types for a contact, as stored. */
export type ContactFields = {
  kind: LocalContactKind;
  label: string;
  name: string;
  organisation: string;
  phone: string;
  otherPhone: string;
  email: string;
  notes: string;
  checkedOn: string;
};

const contactRow = z.object({
  id: z.number().int(),
  kind: z.enum(LOCAL_CONTACT_KINDS),
  label: z.string(),
  name: z.string(),
  organisation: z.string(),
  phone: z.string(),
  other_phone: z.string(),
  email: z.string(),
  notes: z.string(),
  checked_on: z.string(),
  updated_at: z.string(),
  updated_by_name: z.string().nullable(),
});

const SELECT = `SELECT c.id, c.kind, c.label, c.name, c.organisation, c.phone, c.other_phone, c.email, c.notes, c.checked_on, c.updated_at, s.name AS updated_by_name
  FROM contacts c LEFT JOIN staff s ON s.id = c.updated_by`;

function toContact(row: unknown): LocalContact {
  const r = contactRow.parse(row);
  return {
    id: r.id,
    kind: r.kind,
    label: r.label,
    name: r.name,
    organisation: r.organisation,
    phone: r.phone,
    otherPhone: r.other_phone,
    email: r.email,
    notes: r.notes,
    checkedOn: r.checked_on,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by_name ?? '',
  };
}

/** Every local contact, in the order of the kinds (the order a DSL reads them in), then by id. */
export async function listContacts(db: Pick<Executor, 'all'>): Promise<LocalContact[]> {
  const order = LOCAL_CONTACT_KINDS.map((kind, i) => `WHEN '${kind}' THEN ${i}`).join(' ');
  const rows = await db.all(`${SELECT} ORDER BY CASE c.kind ${order} END, c.id`);
  return rows.map(toContact);
}

export async function findContact(db: Pick<Executor, 'get'>, id: number): Promise<LocalContact | undefined> {
  const row = await db.get(`${SELECT} WHERE c.id = ?`, [id]);
  return row ? toContact(row) : undefined;
}

export async function insertContact(tx: Executor, fields: ContactFields, at: string, by: number): Promise<number> {
  const { lastId } = await tx.run(
    `INSERT INTO contacts (kind, label, name, organisation, phone, other_phone, email, notes, checked_on, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [fields.kind, fields.label, fields.name, fields.organisation, fields.phone, fields.otherPhone, fields.email, fields.notes, fields.checkedOn, at, by],
  );
  return lastId;
}

export async function updateContact(tx: Executor, id: number, fields: ContactFields, at: string, by: number): Promise<void> {
  await tx.run(
    `UPDATE contacts SET kind = ?, label = ?, name = ?, organisation = ?, phone = ?, other_phone = ?, email = ?, notes = ?, checked_on = ?, updated_at = ?, updated_by = ?
     WHERE id = ?`,
    [fields.kind, fields.label, fields.name, fields.organisation, fields.phone, fields.otherPhone, fields.email, fields.notes, fields.checkedOn, at, by, id],
  );
}

export async function deleteContact(tx: Executor, id: number): Promise<void> {
  await tx.run('DELETE FROM contacts WHERE id = ?', [id]);
}
