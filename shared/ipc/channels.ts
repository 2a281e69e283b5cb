// The names of every IPC channel. The preload imports only this file (a sandboxed preload
// cannot load node_modules), so it must stay free of imports.
export const CHANNELS = [
  'app.info',
  'password.check',
  'setup.create',
  'session.status',
  'session.unlock',
  'session.lock',
  'session.touch',
  'recovery.resetPassword',
  'account.changePassword',
  'staff.list',
  'staff.add',
  'staff.deactivate',
  'staff.resetPassword',
  'staff.setRoles',
  'staff.reactivate',
  'settings.get',
  'settings.update',
  'settings.updateSchool',
  'pupils.search',
  'pupils.list',
  'pupils.get',
  'pupils.create',
  'pupils.update',
  'incidents.list',
  'incidents.create',
  'incidents.get',
  'incidents.addPupil',
  'incidents.addOtherPerson',
  'incidents.setRoles',
  'incidents.removePerson',
  'incidents.close',
  'incidents.correct',
  'incidents.void',
  'incidents.reopen',
  'incidents.listVoided',
  'dashboard.get',
  'entries.create',
  'entries.revise',
  'entries.sign',
  'audit.verify',
  'audit.list',
  'chronology.header',
  'chronology.page',
  'chronology.entry',
  'exports.options',
  'exports.pdf',
  'backups.status',
  'backups.chooseFolder',
  'backups.configure',
  'backups.run',
  'backups.restoreLive',
  'backups.retireOlder',
  'records.rekey',
  'recovery.replaceCode',
  'contacts.list',
  'contacts.save',
  'contacts.remove',
] as const;

export type Channel = (typeof CHANNELS)[number];

const channelSet: ReadonlySet<string> = new Set(CHANNELS);

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && channelSet.has(name);
}

/** The single Electron IPC channel that carries every call as (channel, input). */
export const IPC_INVOKE = 'records:invoke';
