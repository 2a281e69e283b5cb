import { randomBytes } from 'node:crypto';
import { transferFileOptions, type TransferFileOptions } from '../../../shared/domain/transfers/transfer';
import { DEFAULT_OTHER_ENTRIES } from '../../../shared/domain/exports';
import { OTHER_PERSON_KIND_LABELS } from '../../../shared/domain/incidents';
import { pupilFullName, yearGroupLabel, type Pupil } from '../../../shared/domain/pupils';
import type { IncidentDetail } from '../../../shared/domain/read-models/incident-detail';
import type { IncidentPerson } from '../../../shared/domain/read-models/incident-person';
import { planRedaction, type Redaction } from '../../../shared/domain/redaction';
import { PACKAGE_CONTENT_FORMAT, PACKAGE_CONTENT_VERSION, type PackageContent, type PackagePerson } from '../../../shared/domain/transfers/package-content';
import { childKeyOf, childrenOf } from '../pdf/children';
import { applyOtherEntriesChoice } from '../pdf/other-entries';

/**
 * The transfer's choices for the file (transfers.file_options, written by transfers.prepare). A
 * stored value that no longer reads names no other child and keeps the pupil file's default.
 */
export function readFileOptions(json: string): TransferFileOptions {
  const parsed = transferFileOptions.safeParse(safeJson(json));
  return parsed.success ? parsed.data : { namedChildren: [], otherEntries: DEFAULT_OTHER_ENTRIES };
}

function safeJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

function describe(person: IncidentPerson, withheld: boolean): string {
  if (person.pupil) return yearGroupLabel(person.pupil.yearGroup);
  if (!person.other) return '';
  // A withheld child's setting could name them where the school is small: it goes with the name.
  if (withheld) return 'Not on roll';
  return [OTHER_PERSON_KIND_LABELS[person.other.kind], person.other.setting].filter(Boolean).join(', ');
}

function packagePerson(person: IncidentPerson, pupilId: number, redaction: Redaction): PackagePerson {
  const key = childKeyOf(person);
  const label = key ? redaction.labelOf(key) : null;
  const subject = person.pupil?.id === pupilId;
  const withheld = !subject && label !== null;
  const name = person.pupil ? pupilFullName(person.pupil) : (person.other?.name ?? '');
  return {
    id: person.id,
    name: withheld ? label : name,
    withheld,
    subject,
    description: describe(person, withheld),
    roles: person.roles,
    removal: person.removal ? { at: person.removal.at, reason: person.removal.reason } : null,
  };
}

export type ContentSource = {
  pupil: Pupil;
  leftOn: string | null;
  incidents: readonly IncidentDetail[];
  options: TransferFileOptions;
  sendingSchool: string;
  sendingDsl: { name: string; publicKey: string };
  packageId: string;
  sentAt: string;
};

/**
 * What the package carries of a pupil's file (issue 20): the pupil's details; every incident
 * they are on with its facts, its people (other children named or labelled as the transfer
 * chose), every entry version whole with its signatures, and its history; entries about other
 * children only left out when the transfer chose so, as the pupil file leaves them out.
 * Entry bodies are never changed: a changed body would no longer match its signatures.
 */
export function buildPackageContent(source: ContentSource): PackageContent {
  const { pupil, options } = source;
  const incidents = applyOtherEntriesChoice(pupil.id, source.incidents, options.otherEntries);
  const everyone = incidents.flatMap((d) => [...d.people, ...d.removedPeople]);
  // One redaction for the whole file, so a child has the same label in every incident.
  const redaction = planRedaction(childrenOf(everyone), new Set([`pupil:${pupil.id}`, ...options.namedChildren]));
  const { id: _id, ...details } = pupil;
  return {
    format: PACKAGE_CONTENT_FORMAT,
    version: PACKAGE_CONTENT_VERSION,
    packageId: source.packageId,
    sentAt: source.sentAt,
    sendingSchool: source.sendingSchool,
    sendingDsl: source.sendingDsl,
    pupil: { ...details, leftOn: source.leftOn },
    otherEntries: options.otherEntries,
    incidents: incidents.map((d) => ({
      incident: d.incident,
      people: [...d.people, ...d.removedPeople].map((p) => packagePerson(p, pupil.id, redaction)),
      entries: d.entries,
      history: d.history,
      police: d.police,
    })),
    receiptSecret: randomBytes(32).toString('base64'),
  };
}

export function newPackageId(): string {
  return randomBytes(16).toString('hex');
}
