import { CONTACT_FIELD_LABELS, LOCAL_CONTACT_LABELS } from './contacts/local-contacts';
import { HOLD_REASON_WORDS } from './legal-holds';
import { RETENTION_RULE_WORDS } from './retention';
import { formatDate, formatDateTime } from './dates';
import { ENTRY_KIND_DEFINITIONS, type EntryKind } from './entries/kinds';
import { EXPORT_DOCUMENT_LABELS } from './exports';
import { INCIDENT_KIND_LABELS, MEDIA_LABELS, OTHER_PERSON_KIND_LABELS, PERSON_ROLE_LABELS, SHARING_LABELS } from './incidents';
import { SIGNATURE_MEANINGS } from './signatures';
import { ROLE_LABELS } from './staff';

/**
 * The audit log stores what a row is about as ids (subject_type and subject_id, and ids in
 * its details); the Audit screen names them as a DSL reads them: an incident by its
 * reference, an entry by its incident, kind and date, people by name. The core looks the
 * names up for a whole page at once (AuditNames) and these functions put them into words.
 */

/** An entry as the audit log names it. */
export type AuditEntryName = { reference: string; kind: string; occurredAt: string; version: number };

/** What the ids on a page of audit rows name, looked up together. */
export type AuditNames = {
  incidents: ReadonlyMap<number, string>;
  entries: ReadonlyMap<number, AuditEntryName>;
  pupils: ReadonlyMap<number, string>;
  /** People on incidents (incident_people), by name. */
  people: ReadonlyMap<number, string>;
  staff: ReadonlyMap<number, string>;
};

export type AuditNameKind = keyof AuditNames;

/** Details that hold the id of something, and what they name. */
const AUDIT_DETAIL_IDS: Record<string, { kind: AuditNameKind; label: string }> = {
  incidentId: { kind: 'incidents', label: 'Incident' },
  entryId: { kind: 'entries', label: 'Entry' },
  supersedes: { kind: 'entries', label: 'Replaces' },
  pupilId: { kind: 'pupils', label: 'Pupil' },
  incidentPersonId: { kind: 'people', label: 'Person' },
  signedAtKeyboardOf: { kind: 'staff', label: 'Signed at the computer of' },
  staffId: { kind: 'staff', label: 'Member of staff' },
};

/** The kind of thing each subject type names. */
const AUDIT_SUBJECT_KINDS: Record<string, AuditNameKind> = {
  incident: 'incidents',
  entry: 'entries',
  pupil: 'pupils',
  staff: 'staff',
};

/** A stored id as a number, or null when it is not one. */
function auditId(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

function entryKindLabel(kind: string): string {
  return Object.hasOwn(ENTRY_KIND_DEFINITIONS, kind) ? ENTRY_KIND_DEFINITIONS[kind as EntryKind].label : kind;
}

/** "YPSI-2026-004 · Initial review meeting, 23 Nov 2026", and "(version 2)" after the first version. */
function entryName(entry: AuditEntryName, withVersion = entry.version > 1): string {
  const name = `${entry.reference} · ${entryKindLabel(entry.kind)}, ${formatDate(entry.occurredAt)}`;
  return withVersion ? `${name} (version ${entry.version})` : name;
}

const NOT_FOUND: Record<AuditNameKind, string> = {
  incidents: 'An incident not in these records',
  entries: 'An entry not in these records',
  pupils: 'A pupil not in these records',
  people: 'A person not in these records',
  staff: 'A member of staff not in these records',
};

/** What `id` of `kind` is called; never the bare id. */
function nameOf(names: AuditNames, kind: AuditNameKind, id: number, withVersion?: boolean): string {
  if (kind === 'entries') {
    const entry = names.entries.get(id);
    return entry ? entryName(entry, withVersion) : NOT_FOUND.entries;
  }
  return names[kind].get(id) ?? NOT_FOUND[kind];
}

/** What a row is about, in words, or null when it is about nothing in particular (a sign-in, a backup). */
export function auditSubject(subjectType: string | null, subjectId: string | null, names: AuditNames): string | null {
  if (subjectType === null) return null;
  const kind = AUDIT_SUBJECT_KINDS[subjectType];
  const id = auditId(subjectId);
  if (kind === undefined || id === null) return humanise(subjectType);
  return nameOf(names, kind, id);
}

export type AuditFact = { label: string; value: string };

/** Details that are for the machine (fingerprints, internal keys, file sizes and table counts), not for reading. */
const UNREAD = new Set(['entryKey', 'contentHash', 'sha256', 'bytes', 'tables']);

const LABELS: Record<string, string> = {
  reference: 'Reference',
  references: 'Incidents',
  view: 'Opened from',
  kind: 'Kind',
  version: 'Version',
  meaning: 'Meaning',
  roles: 'Roles',
  from: 'From',
  to: 'To',
  changed: 'Changed',
  reason: 'Reason',
  trigger: 'Started',
  file: 'File',
  folder: 'Folder',
  removed: 'Older backups removed',
  account: 'Account',
  document: 'Document',
  namedChildren: 'Children named',
  withheldCount: 'Children not named',
  preparedFor: 'Prepared for',
  pages: 'Pages',
  rows: 'Rows checked',
  ok: 'Intact',
  firstBrokenSeq: 'First broken row',
  lockMinutes: 'Lock after (minutes)',
  // A pupil's details, as pupil.updated lists what changed.
  sen: 'Special educational needs or disability',
  senDetails: 'SEN details',
  lookedAfter: 'Looked after',
  socialCare: 'Children’s social care',
  contact: 'Contact',
};

/** "namedChildren" → "Named children", for details this screen has no label for. */
function humanise(key: string): string {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Why the records were locked, and what started a backup (electron/main and backup-schedule.ts). */
const LOCK_REASONS: Record<string, string> = {
  button: 'The Lock button',
  idle: 'No activity for a while',
  quit: 'The app was closed',
  'os-lock': 'The computer was locked',
  suspend: 'The computer went to sleep',
};
const BACKUP_TRIGGERS: Record<string, string> = { manual: 'By hand', daily: 'The daily backup', exit: 'On closing the app' };

/** A stored code in words where it is one of the app's codes (roles, kinds, meanings, documents). */
function codeInWords(action: string, key: string, value: string): string {
  const from = (labels: Readonly<Record<string, string>>) => (Object.hasOwn(labels, value) ? labels[value] : undefined);
  if (action === 'lock' && key === 'reason') return LOCK_REASONS[value] ?? value;
  if (key === 'trigger') return BACKUP_TRIGGERS[value] ?? value;
  if (key === 'contact') return from(LOCAL_CONTACT_LABELS) ?? value;
  if (key === 'reasonKind') return from(HOLD_REASON_WORDS) ?? value;
  if (action === 'retention.rule-changed' && key === 'rule') return from(RETENTION_RULE_WORDS) ?? value;
  if (action.startsWith('contact.') && key === 'changed') return from(CONTACT_FIELD_LABELS) ?? value;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/.test(value)) return formatDateTime(value);
  const incidentFact = key === 'kind' ? from(INCIDENT_KIND_LABELS) : key === 'media' ? from(MEDIA_LABELS) : key === 'sharing' ? from(SHARING_LABELS) : undefined;
  if (incidentFact !== undefined) return incidentFact;
  if (key === 'meaning' && Object.hasOwn(SIGNATURE_MEANINGS, value)) return SIGNATURE_MEANINGS[value as keyof typeof SIGNATURE_MEANINGS];
  if (key === 'document' && Object.hasOwn(EXPORT_DOCUMENT_LABELS, value)) return EXPORT_DOCUMENT_LABELS[value as keyof typeof EXPORT_DOCUMENT_LABELS];
  if (key === 'kind' && Object.hasOwn(OTHER_PERSON_KIND_LABELS, value)) return OTHER_PERSON_KIND_LABELS[value as keyof typeof OTHER_PERSON_KIND_LABELS];
  if (key === 'kind') return entryKindLabel(value);
  // Staff accounts have staff roles; people on incidents have what they did with the imagery.
  if (action.startsWith('staff.') && Object.hasOwn(ROLE_LABELS, value)) return ROLE_LABELS[value as keyof typeof ROLE_LABELS];
  if (Object.hasOwn(PERSON_ROLE_LABELS, value)) return PERSON_ROLE_LABELS[value as keyof typeof PERSON_ROLE_LABELS];
  if (Object.hasOwn(ROLE_LABELS, value)) return ROLE_LABELS[value as keyof typeof ROLE_LABELS];
  return value;
}

function valueInWords(action: string, key: string, value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return codeInWords(action, key, value);
  if (Array.isArray(value)) {
    const parts = value.map((v) => valueInWords(action, key, v)).filter((v): v is string => v !== null);
    return parts.length === 0 ? 'None' : parts.join('; ');
  }
  if (typeof value === 'object' && 'from' in value && 'to' in value) {
    return `${valueInWords(action, key, value.from) ?? 'nothing'} → ${valueInWords(action, key, value.to) ?? 'nothing'}`;
  }
  // A set of changes ({ yearGroup: { from, to } }): each by its name.
  if (typeof value === 'object') {
    const parts = Object.entries(value).flatMap(([k, v]) => {
      const words = valueInWords(action, k, v);
      return words === null ? [] : [`${LABELS[k] ?? humanise(k)}: ${words}`];
    });
    return parts.length === 0 ? null : parts.join('; ');
  }
  return null;
}

/**
 * A row's details as label and value, for reading: ids as the names of what they point to
 * (first, since they say whom or what the row concerns), codes in words, and left out: what
 * the subject or the Who column already says, what is only for the machine, and any id this
 * screen does not know the kind of, rather than showing it bare.
 */
export function auditFacts(
  action: string,
  details: Readonly<Record<string, unknown>>,
  names: AuditNames,
  said: { subject: string | null; actorName: string | null },
): AuditFact[] {
  const { subject, actorName } = said;
  const named: AuditFact[] = [];
  const facts: AuditFact[] = [];
  for (const [key, value] of Object.entries(details)) {
    if (UNREAD.has(key)) continue;
    const idKey = AUDIT_DETAIL_IDS[key];
    if (idKey) {
      const id = auditId(value);
      if (id === null) continue;
      const name = nameOf(names, idKey.kind, id, key === 'supersedes' ? true : undefined);
      if (key !== 'supersedes' && (subject?.includes(name) || name === actorName)) continue;
      named.push({ label: idKey.label, value: name });
      continue;
    }
    if (/Ids?$/.test(key)) continue;
    // An entry's version and kind, and an incident's reference, are in the subject already.
    if (key === 'version' && subject !== null) continue;
    const words = valueInWords(action, key, value);
    if (words === null || ((key === 'reference' || key === 'kind') && subject?.includes(words))) continue;
    facts.push({ label: LABELS[key] ?? humanise(key), value: words });
  }
  return [...named, ...facts];
}

/** The ids a row's subject and details name, by kind, to look up for a page at once. */
export function auditIdsNamed(subjectType: string | null, subjectId: string | null, details: Readonly<Record<string, unknown>>): { kind: AuditNameKind; id: number }[] {
  const ids: { kind: AuditNameKind; id: number }[] = [];
  const subjectKind = subjectType === null ? undefined : AUDIT_SUBJECT_KINDS[subjectType];
  const subject = auditId(subjectId);
  if (subjectKind !== undefined && subject !== null) ids.push({ kind: subjectKind, id: subject });
  for (const [key, value] of Object.entries(details)) {
    const named = AUDIT_DETAIL_IDS[key];
    const id = auditId(value);
    if (named && id !== null) ids.push({ kind: named.kind, id });
  }
  return ids;
}
