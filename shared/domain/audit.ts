/** Everything the audit log records. Labels are shown on the Audit screen. */
export const AUDIT_ACTIONS = {
  setup: 'Set up the records',
  'integrity.started': 'Began signing the records (the first sign-in of a DSL after the update)',
  'roster.key-added': 'Added their own signing key (their first sign-in since signing began)',
  'login.success': 'Signed in',
  'login.failed': 'Failed sign-in attempt',
  'login.failures-file-lost': 'The failed sign-ins file was missing or damaged: the longest wait was applied',
  lock: 'Locked the records',
  'password.changed': 'Changed own password',
  'password.reset': 'Reset a password',
  'password.recovered': 'Reset a password with the recovery code',
  'reauth.failed': 'Typed a wrong password to confirm a change',
  'staff.added': 'Added a member of staff',
  'staff.deactivated': 'Deactivated a member of staff',
  'staff.roles-changed': 'Changed a member of staff’s roles',
  'staff.reactivated': 'Reactivated a member of staff',
  'settings.changed': 'Changed settings',
  'audit.verified': 'Verified the audit log',
  'pupil.created': 'Added a pupil',
  'pupil.updated': 'Changed a pupil’s details',
  'pupil.viewed': 'Opened a pupil’s record',
  'incident.created': 'Opened an incident',
  'incident.viewed': 'Opened an incident record',
  'incident.closed': 'Closed an incident',
  'incident.corrected': 'Corrected an incident’s details',
  'incident.voided': 'Voided an incident opened by mistake',
  'incident.reopened': 'Reopened a closed incident',
  'log.viewed': 'Opened the school log',
  'person.added': 'Added a person to an incident',
  'person.roles-changed': 'Changed a person’s roles on an incident',
  'person.removed': 'Removed a person added to an incident in error',
  'entry.created': 'Recorded an entry',
  'entry.amended': 'Amended an entry (new version)',
  'entry.signed': 'Signed an entry',
  'sign.failed': 'Failed signature (wrong password)',
  export: 'Exported a document',
  print: 'Printed a document',
  backup: 'Backed up the records',
  'backup.failed': 'A backup failed',
  restore: 'Restored the records from a backup',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** Actions that read or copy the records without changing them: no new backup is needed after them. */
export const NON_CHANGING_ACTIONS: readonly AuditAction[] = [
  'login.success',
  'login.failed',
  'login.failures-file-lost',
  'lock',
  'audit.verified',
  'pupil.viewed',
  'incident.viewed',
  'log.viewed',
  'sign.failed',
  'export',
  'print',
  'backup',
  'backup.failed',
];

/** The previous hash of the very first row. */
export const GENESIS_HASH = '0'.repeat(64);
