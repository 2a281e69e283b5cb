import type { Channel } from '../../../shared/ipc/channels';

/** Channels a screen reads through the query cache (`useRead`). */
export type ReadChannel = Extract<
  Channel,
  | 'app.info'
  | 'settings.get'
  | 'staff.list'
  | 'pupils.search'
  | 'pupils.list'
  | 'pupils.get'
  | 'incidents.list'
  | 'incidents.get'
  | 'incidents.listVoided'
  | 'dashboard.get'
  | 'audit.list'
  | 'chronology.header'
  | 'chronology.page'
  | 'chronology.entry'
  | 'exports.options'
  | 'backups.status'
  | 'due.list'
  | 'drafts.mine'
  | 'drafts.get'
  | 'drafts.retention'
  | 'contacts.list'
  | 'receivedFiles.get'
  | 'receivedFiles.list'
  | 'retention.rule'
  | 'retention.list'
  | 'retention.of'
  | 'holds.list'
  | 'transfers.list'
  | 'transfers.get'
  | 'records.destructionPreview'
  | 'records.destroyedList'
  | 'practice.forIncident'
  | 'practice.log'
  | 'training.list'
  | 'training.mine'
>;

/**
 * Channels that belong to the session rather than the records (signing in and out, the
 * password meter): called directly with `call`, never cached, since nothing of them is a
 * record and the cache is empty whenever they are used.
 */
type SessionChannel = 'password.check' | 'setup.create' | 'session.status' | 'session.unlock' | 'session.lock' | 'session.touch' | 'recovery.resetPassword';

export type WriteChannel = Exclude<Channel, ReadChannel | SessionChannel>;

/** Every read that shows something of the records: an incident, a pupil, a chronology, the log. */
const RECORD_READS = [
  'incidents.get',
  'incidents.list',
  'incidents.listVoided',
  'dashboard.get',
  'pupils.get',
  'pupils.list',
  'pupils.search',
  'chronology.header',
  'chronology.page',
  'chronology.entry',
  'exports.options',
  'audit.list',
  'due.list',
] as const satisfies readonly ReadChannel[];

/**
 * What each write changes, so a successful write marks exactly those reads out of date and
 * every screen showing them fetches again. Typed over every write channel: a new channel
 * does not compile until someone has said what it changes. Every write is audited, so each
 * list has the audit log.
 */
export const WRITE_CHANGES: Record<WriteChannel, readonly ReadChannel[] | 'everything'> = {
  'account.changePassword': ['staff.list', 'backups.status', 'audit.list'],
  'staff.add': ['staff.list', 'incidents.get', 'dashboard.get', 'due.list', 'audit.list'],
  'staff.deactivate': ['staff.list', 'incidents.get', 'dashboard.get', 'due.list', 'backups.status', 'audit.list'],
  'staff.resetPassword': ['staff.list', 'audit.list'],
  'staff.setRoles': ['staff.list', 'incidents.get', 'dashboard.get', 'due.list', 'audit.list'],
  'staff.reactivate': ['staff.list', 'incidents.get', 'dashboard.get', 'due.list', 'audit.list'],
  // The school's name heads the printed records and the chronology; the idle timeout is in app.info.
  'settings.update': ['settings.get', 'app.info', 'dashboard.get', 'audit.list'],
  'settings.updateSchool': ['settings.get', 'app.info', 'chronology.header', 'exports.options', 'audit.list'],
  'pupils.create': RECORD_READS,
  'pupils.update': RECORD_READS,
  'incidents.create': [...RECORD_READS, 'drafts.mine'],
  'incidents.addPupil': RECORD_READS,
  'incidents.addOtherPerson': RECORD_READS,
  'incidents.setRoles': RECORD_READS,
  'incidents.removePerson': RECORD_READS,
  'incidents.close': RECORD_READS,
  'incidents.correct': [...RECORD_READS, 'drafts.mine'],
  'incidents.void': RECORD_READS,
  'incidents.reopen': RECORD_READS,
  'entries.create': [...RECORD_READS, 'drafts.mine'],
  'entries.revise': [...RECORD_READS, 'drafts.mine'],
  'entries.sign': RECORD_READS,
  'audit.verify': ['audit.list', 'dashboard.get'],
  'exports.pdf': ['audit.list'],
  'backups.chooseFolder': ['backups.status', 'dashboard.get', 'due.list', 'audit.list'],
  'backups.configure': ['backups.status', 'dashboard.get', 'due.list', 'audit.list'],
  'backups.run': ['backups.status', 'dashboard.get', 'due.list', 'audit.list'],
  'backups.retireOlder': ['backups.status', 'audit.list'],
  // A restore replaces the records: nothing read before it still holds.
  'backups.restoreLive': 'everything',
  'records.rekey': ['staff.list', 'backups.status', 'audit.list'],
  'recovery.replaceCode': ['backups.status', 'audit.list'],
  'help.staffSummaryPdf': ['audit.list'],
  // Drafts are not records and are not audited; a saved record deletes its draft (above). The
  // forms save drafts with `call` (use-draft.ts); the home page's Discard goes through here.
  'drafts.save': ['drafts.mine', 'drafts.get'],
  'drafts.discard': ['drafts.mine', 'drafts.get'],
  'drafts.setRetention': ['drafts.retention', 'audit.list'],
  'contacts.save': ['contacts.list', 'backups.status', 'audit.list'],
  'contacts.remove': ['contacts.list', 'backups.status', 'audit.list'],
  'transfers.makePackage': ['transfers.get', 'transfers.list', 'backups.status', 'audit.list'],
  // Opening only reads the chosen file into the core for a few minutes: nothing is recorded.
  'receivedFiles.open': [],
  'receivedFiles.import': ['receivedFiles.list', 'receivedFiles.get', 'pupils.list', 'pupils.search', 'pupils.get', 'dashboard.get', 'backups.status', 'audit.list'],
  'retention.setRule': ['retention.rule', 'retention.list', 'retention.of', 'backups.status', 'audit.list'],
  'retention.keep': ['retention.list', 'retention.of', 'backups.status', 'audit.list'],
  'holds.place': ['holds.list', 'retention.list', 'retention.of', 'backups.status', 'audit.list'],
  'holds.release': ['holds.list', 'retention.list', 'retention.of', 'backups.status', 'audit.list'],
  // Issue 20: a leaver and the transfer of their file. A transfer shows on the pupil's page, What is due and the dashboard.
  'pupils.markLeft': [...RECORD_READS, 'transfers.list', 'transfers.get'],
  'pupils.returned': [...RECORD_READS, 'transfers.list', 'transfers.get'],
  'transfers.prepare': [...RECORD_READS, 'transfers.list', 'transfers.get'],
  'transfers.markSent': [...RECORD_READS, 'transfers.list', 'transfers.get'],
  'transfers.confirmReceived': [...RECORD_READS, 'transfers.list', 'transfers.get'],
  'transfers.cancel': [...RECORD_READS, 'transfers.list', 'transfers.get'],
  'transfers.pdf': ['audit.list'],
  // The destroy page shows the certificate in place of its preview, which would now answer "not found".
  'records.destroy': [...RECORD_READS, 'drafts.mine', 'backups.status', 'records.destroyedList'],
  'records.destructionCertificatePdf': ['audit.list'],
  // Another folder of records altogether (decision 0032): nothing read before still holds.
  'practice.open': 'everything',
  'practice.close': 'everything',
  // Reading a pupil list and previewing it change nothing: they go through useWrite because
  // their answer is about a file chosen now, never to be shown again from the cache.
  'pupilImport.read': [],
  'pupilImport.preview': [],
  'pupilImport.apply': RECORD_READS,
  // A practice incident is an incident like any other in the practice records, and the training log follows a completion.
  'practice.startScenario': [...RECORD_READS, 'practice.forIncident'],
  'practice.complete': ['practice.forIncident', 'practice.log', 'backups.status', 'audit.list'],
  'practice.logPdf': ['audit.list'],
  'training.set': ['training.list', 'training.mine', 'backups.status', 'audit.list'],
};
