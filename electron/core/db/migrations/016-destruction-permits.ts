import type { Migration } from './types';

/**
 * Issue 20 item 5 (decision 0030): a record due for destruction can be destroyed. The triggers
 * that refused every DELETE on entries, their words, signatures, incident corrections and status
 * changes now allow one only while a permit for that incident exists: the destruction inserts it
 * first and deletes it last, in the same transaction, so no other path in the app can delete
 * them. Raw SQL could insert a permit too; Verify tells a deletion certified by a DSL's signed
 * `records.destroyed` audit row from any other (`destroyed-without-certificate`).
 */
const unlessPermitted = (name: string, table: string, incidentOf: string, message: string) => `
DROP TRIGGER ${name};
CREATE TRIGGER ${name} BEFORE DELETE ON ${table}
WHEN NOT EXISTS (SELECT 1 FROM destruction_permits WHERE incident_id = ${incidentOf})
BEGIN
  SELECT RAISE(ABORT, '${message}');
END;`;

const ENTRY_OF = (column: string) => `(SELECT incident_id FROM entries WHERE id = OLD.${column})`;

export const migration016: Migration = {
  version: 16,
  name: 'destruction permits',
  sql: `
CREATE TABLE destruction_permits (
  incident_id INTEGER PRIMARY KEY
) STRICT;
${unlessPermitted('entries_are_never_deleted', 'entries', 'OLD.incident_id', 'entry_immutable: entries are never deleted')}
${unlessPermitted('signatures_are_never_deleted', 'signatures', ENTRY_OF('entry_id'), 'signature_immutable: signatures cannot be deleted')}
${unlessPermitted('entry_text_is_never_deleted', 'entry_text', ENTRY_OF('entry_id'), 'entry_immutable: entries are never deleted')}
${unlessPermitted('incident_versions_are_never_deleted', 'incident_versions', 'OLD.incident_id', 'incident_history_immutable: a correction is never deleted')}
${unlessPermitted('incident_status_changes_are_never_deleted', 'incident_status_changes', 'OLD.incident_id', 'incident_history_immutable: a change of status is never deleted')}
`,
};
