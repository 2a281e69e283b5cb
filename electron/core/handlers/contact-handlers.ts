import { changedContactFields } from '../../../shared/domain/contacts/local-contacts';
import { schoolToday } from '../../../shared/domain/dates';
import { appendAudit } from '../audit/audit-log';
import { deleteContact, findContact, insertContact, listContacts, updateContact, type ContactFields } from '../db/contact-queries';
import { AppError } from '../errors';
import type { Handlers } from './types';

const CHECKED_IN_FUTURE = 'The date you checked these details cannot be in the future';

/**
 * The school's local contacts. Audit rows name the contact's kind and which fields changed,
 * never a number, address or note: the audit log is read by people who need no phone numbers.
 */
export const contactHandlers = {
  'contacts.list': async (_input, ctx) => ({ contacts: await listContacts(ctx.session.db) }),

  'contacts.save': async ({ id, ...fields }, ctx) => {
    const session = ctx.session;
    const at = ctx.now();
    if (fields.checkedOn > schoolToday(at)) throw new AppError('invalid_input', CHECKED_IN_FUTURE, { checkedOn: CHECKED_IN_FUTURE });
    // A label typed for "other" before another kind was chosen is not kept.
    const values: ContactFields = { ...fields, label: fields.kind === 'other' ? fields.label : '' };
    const saved = await session.db.transaction(async (tx) => {
      if (id === undefined) {
        const newId = await insertContact(tx, values, at.toISOString(), session.user.id);
        await appendAudit(tx, { action: 'contact.added', actorId: session.user.id, at, subjectType: 'contact', subjectId: newId, details: { contact: values.kind } });
        return newId;
      }
      const before = await findContact(tx, id);
      if (!before) throw new AppError('not_found', 'That contact has been removed. Open Contacts again.');
      await updateContact(tx, id, values, at.toISOString(), session.user.id);
      const changed = changedContactFields(before, values);
      await appendAudit(tx, { action: 'contact.changed', actorId: session.user.id, at, subjectType: 'contact', subjectId: id, details: { contact: values.kind, changed } });
      return id;
    });
    const contact = await findContact(session.db, saved);
    if (!contact) throw new Error('A saved contact was not found');
    return { contact };
  },

  'contacts.remove': async ({ id }, ctx) => {
    const session = ctx.session;
    await session.db.transaction(async (tx) => {
      const before = await findContact(tx, id);
      if (!before) throw new AppError('not_found', 'That contact has already been removed.');
      await deleteContact(tx, id);
      await appendAudit(tx, { action: 'contact.removed', actorId: session.user.id, at: ctx.now(), subjectType: 'contact', subjectId: id, details: { contact: before.kind } });
    });
    return { done: true as const };
  },
} satisfies Partial<Handlers>;
