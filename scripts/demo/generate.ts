import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { appendAudit } from '../../electron/core/audit/audit-log';
import { dataPaths } from '../../electron/core/context';
import { createCore } from '../../electron/core/index';
import { Database, type AuditSigner, type Executor } from '../../electron/core/db/connection';
import { migrate } from '../../electron/core/db/migrate';
import { optimizeSearchIndex } from '../../electron/core/db/chronology-queries';
import { insertEntry, insertSignature } from '../../electron/core/db/entry-queries';
import { insertStatusChange } from '../../electron/core/db/incident-history-queries';
import { closeIncident, insertIncident, insertOtherPersonOnIncident, insertPupilOnIncident } from '../../electron/core/db/incident-queries';
import { insertPupil } from '../../electron/core/db/pupil-queries';
import { deactivateStaff, findStaffById, insertStaff } from '../../electron/core/db/staff-queries';
import { entryContentHash } from '../../electron/core/records/content-hash';
import { changeRosterMember } from '../../electron/core/integrity/roster';
import { signerFor } from '../../electron/core/session/open-session';
import { KeyslotStore } from '../../electron/core/vault/keyslots';
import type { PersonKeys } from '../../electron/core/vault/person-keys';
import { schoolTimeToUtc, utcToSchoolTime } from '../../shared/domain/dates';
import { ENTRY_BODY_SCHEMAS, ENTRY_KINDS, type EntryKind } from '../../shared/domain/entries/kinds';
import { incidentReference, isPoliceMatter, type IncidentInput, type OtherPersonInput, type PersonRole } from '../../shared/domain/incidents';
import type { PupilInput } from '../../shared/domain/pupils';
import type { SignatureMeaning } from '../../shared/domain/signatures';
import { ROLE_LABELS, type Role, type StaffMember } from '../../shared/domain/staff';
import {
  ACTION_DESCRIPTIONS,
  AMENDMENT_REASONS,
  CONVERSATION_SENTENCES,
  DEVICES,
  DISCLOSURE_SENTENCES,
  FIRST_NAMES_FEMALE,
  FIRST_NAMES_MALE,
  NOTABLE_WORDS,
  OFFICERS,
  OTHER_SCHOOLS,
  PLACES,
  SERVICES,
  SURNAME_ENDS,
  SURNAME_STARTS,
  TITLES,
  WEEKDAYS,
} from './words';

/**
 * Demo data: a set-up data folder holding a fictional school's pupils, incidents and
 * entries of every kind, the same every time for the same seed, sizes and `now`.
 * Set-up goes through the core's own door (so the one account has a real key slot);
 * everything else is written straight through the db layer in a few large transactions,
 * so tens of thousands of entries take seconds rather than minutes.
 */
export type DemoOptions = {
  dataDir: string;
  pupils: number;
  incidents: number;
  /** Entries as the chronologies count them (current versions); amended ones add earlier versions on top. */
  entries: number;
  seed: number;
  /** The DSL account made at set-up, the only one that can sign in. */
  username?: string;
  password?: string;
  dslName?: string;
  schoolName?: string;
  /** The moment the data is generated "as of": nothing happens after it. Defaults to the current time. */
  now?: Date;
};

export type DemoSummary = {
  dataDir: string;
  recoveryCode: string;
  now: string;
  staff: { id: number; name: string; roles: Role[]; active: boolean }[];
  pupils: number;
  incidents: number;
  entries: number;
  versions: number;
  signatures: number;
};

export const DEMO_DEFAULTS = {
  username: 'mthistle',
  password: 'correct horse battery staple',
  dslName: 'Marigold Thistlewood',
  schoolName: 'Quillfeather Academy',
} as const;

/** mulberry32: a tiny, fast PRNG; good enough for demo data, and the same everywhere. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let at = this.next() * total;
    for (const [item, weight] of items) {
      at -= weight;
      if (at < 0) return item;
    }
    return items[items.length - 1]![0];
  }

  /** A version-4-shaped UUID from the stream, so entry keys are deterministic too. */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.next() * 16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[this.int(0, 3)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Pupil = { id: number; first: string; last: string; sex: 'female' | 'male' };
type PersonOnIncident = { personId: number; pupil: Pupil; roles: PersonRole[] };
type Incident = {
  id: number;
  reference: string;
  cameToAttentionOn: string;
  start: number;
  closed: boolean;
  people: PersonOnIncident[];
  service: string;
  year: string;
  adultInvolved: boolean;
  /** Sexual extortion (decision 0021): an online account demanding money, a police matter whose offender's age is not known. */
  sextortion: boolean;
};
type Staff = { dsl: StaffMember; head: StaffMember; deputies: StaffMember[]; former: StaffMember; everyone: StaffMember[] };

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

function schoolDate(ms: number): string {
  return utcToSchoolTime(new Date(ms).toISOString()).date;
}

const roleLabel = (member: StaffMember) => member.roles.map((r) => ROLE_LABELS[r]).join(', ');

function makePupils(rng: Rng, count: number, now: Date): (PupilInput & { sexKey: 'female' | 'male' })[] {
  const seen = new Set<string>();
  const pupils: (PupilInput & { sexKey: 'female' | 'male' })[] = [];
  while (pupils.length < count) {
    const sex = rng.chance(0.5) ? 'female' : 'male';
    const firstName = rng.pick(sex === 'female' ? FIRST_NAMES_FEMALE : FIRST_NAMES_MALE);
    const lastName = `${rng.pick(SURNAME_STARTS)}${rng.pick(SURNAME_ENDS)}`;
    // Past the lists' variety, a middle initial keeps every name distinct.
    const key = `${firstName} ${lastName}`;
    const name = seen.has(key) ? { firstName: `${firstName} ${String.fromCharCode(65 + rng.int(0, 25))}.`, lastName } : { firstName, lastName };
    if (seen.has(`${name.firstName} ${name.lastName}`)) continue;
    seen.add(`${name.firstName} ${name.lastName}`);
    const year = rng.weighted([[7, 1], [8, 2], [9, 3], [10, 3], [11, 2], [12, 1], [13, 1]] as const);
    // Year 7 in the school year starting September Y was born September Y-12 to August Y-11.
    const schoolYearStart = now.getUTCMonth() >= 8 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
    const born = new Date(Date.UTC(schoolYearStart - year - 5, 8, 1) + rng.int(0, 364) * DAY);
    const dateOfBirth = born.toISOString().slice(0, 10);
    const sen = rng.chance(0.15);
    pupils.push({
      ...name,
      dateOfBirth,
      sex,
      sexKey: sex,
      yearGroup: String(year) as PupilInput['yearGroup'],
      sen,
      senDetails: sen ? rng.pick(['Dyslexia; extra time in assessments.', 'Autism; prefers written instructions.', 'Speech and language needs.']) : '',
      lookedAfter: rng.chance(0.03),
      socialCare: rng.weighted([['none', 80], ['current', 5], ['past', 10], ['not_known', 5]] as const),
      upn: '',
    });
  }
  return pupils;
}

/** The kinds recorded in the middle of an incident, and how often. */
const MIDDLE_KINDS: readonly (readonly [EntryKind, number])[] = [
  ['conversation', 20],
  ['action', 14],
  ['parents', 12],
  ['risk-assessment', 6],
  ['imagery-item', 5],
  ['viewing-log', 4],
  ['device', 6],
  ['police-report', 5],
  ['social-care', 6],
  ['deletion', 6],
  ['online-report', 5],
  ['staff-welfare', 3],
  ['escalation', 2],
  ['disclosure', 5],
  ['initial-review', 1],
];

type BodyContext = {
  rng: Rng;
  incident: Incident;
  staff: Staff;
  author: StaffMember;
  at: number;
  notable: string | null;
};

function firstPupil(c: BodyContext): Pupil {
  return c.rng.pick(c.incident.people).pupil;
}

function sentences(c: BodyContext, list: readonly string[], count: number): string {
  const pupil = firstPupil(c);
  const values = { first: pupil.first, service: c.incident.service, place: c.rng.pick(PLACES), weekday: c.rng.pick(WEEKDAYS), year: c.incident.year };
  const chosen = Array.from({ length: count }, () => fill(c.rng.pick(list), values));
  if (c.notable) chosen.push(`${pupil.first} mentioned the ${c.notable} club as somewhere they feel safe.`);
  return chosen.join(' ');
}

/** A body for each kind, written as a person would fill in its form. Validated by the kind's schema before it is stored. */
function bodyOf(kind: EntryKind, c: BodyContext): Record<string, unknown> {
  const { rng, incident, staff, author } = c;
  const pupil = firstPupil(c);
  const pupilName = `${pupil.first} ${pupil.last}`;
  const today = schoolDate(c.at);
  switch (kind) {
    case 'disclosure':
      return {
        source: rng.pick(['young_person', 'friend', 'parent', 'staff'] as const),
        sourceName: rng.chance(0.5) ? pupilName : '',
        toldTo: author.name,
        means: rng.pick(['in_person', 'phone', 'email', 'online_report'] as const),
        whatWasSaid: sentences(c, DISCLOSURE_SENTENCES, rng.int(1, 2)),
        immediateActions: rng.chance(0.6) ? 'Device not viewed. DSL informed straight away.' : '',
      };
    case 'initial-review': {
      const refer = incident.adultInvolved || incident.sextortion || rng.chance(0.35);
      const answer = (yes: boolean) => (yes ? 'yes' : rng.chance(0.2) ? 'unknown' : 'no');
      return {
        attendees: `${staff.dsl.name} (DSL), ${staff.head.name} (Headteacher), ${rng.pick(staff.deputies).name} (Deputy DSL)`,
        considerations: {
          immediateRisk: 'No immediate risk identified at the meeting.',
          viewingNeeded: 'Not necessary to view; the facts are clear from the pupils.',
          furtherInformation: '',
          sharing: `Shared on ${incident.service}; how far is not yet known.`,
          deletion: 'Pupils to be asked to delete the imagery.',
          relevantFacts: '',
          otherSettings: '',
          parents: 'Parents to be told today.',
        },
        points: {
          // A sextortion offender's age is rarely known; the demand under threat is blackmail (point 2).
          adultInvolved: incident.adultInvolved ? 'yes' : incident.sextortion ? 'unknown' : 'no',
          coercionOrGrooming: incident.sextortion ? 'yes' : refer ? answer(rng.chance(0.5)) : 'no',
          unusualOrViolent: 'no',
          sexualActs: refer ? answer(rng.chance(0.3)) : 'no',
          immediateRisk: 'no',
        },
        pointNotes: { adultInvolved: '', coercionOrGrooming: '', unusualOrViolent: '', sexualActs: '', immediateRisk: '' },
        decision: refer ? 'refer' : 'manage-in-school',
        referTo: incident.sextortion ? ['police', 'social-care'] : refer ? (rng.chance(0.5) ? ['police'] : ['police', 'social-care']) : [],
        reasons: refer ? 'There are signs of pressure, so the police and children’s social care should decide.' : `Experimental sharing between peers; ${pupil.first} is supported in school.`,
        overrideReasons: '',
      };
    }
    case 'risk-assessment':
      return {
        vulnerability: rng.pick(['No concerns beyond this incident.', 'Known to the pastoral team; recent friendship difficulties.']),
        whyShared: rng.pick(['Shared within a relationship.', 'Asked repeatedly before sending; some pressure.']),
        sharedBeyond: rng.pick(['Not beyond the recipient, as far as we know.', 'Forwarded to a group chat.']),
        sharedOnline: `Not found on ${incident.service} after a check with the pupil.`,
        ages: 'Both 14; no significant age gap.',
        moreThanOne: 'No.',
        understanding: `${pupil.first} understands the risks and the law.`,
        parentConcerns: 'None.',
        typology: rng.pick(['experimental-romantic', 'experimental-attention', 'aggravated-youth-reckless', ''] as const),
        hackett: '',
        conclusion: c.notable ? `Low risk; ${pupil.first} talked about the ${c.notable} club.` : 'Low risk; manage in school with support.',
      };
    case 'parents': {
      const person = rng.pick(incident.people);
      if (rng.chance(0.85)) {
        return {
          pupilPersonId: person.personId,
          informed: 'yes',
          whoWasTold: `${rng.pick(['Ms', 'Mr', 'Mx', 'Dr'])} ${person.pupil.last} (${rng.pick(['mother', 'father', 'carer', 'grandmother'])})`,
          toldBy: author.name,
          means: rng.pick(['in_person', 'phone', 'letter_email', 'pupil_told_them'] as const),
          pupilSupported: rng.chance(0.4),
          notes: rng.chance(0.4) ? 'Parent thanked the school and will talk to their child tonight.' : '',
        };
      }
      return {
        pupilPersonId: person.personId,
        informed: 'no',
        reasons: 'Telling the parents now could put the young person at risk; agreed with children’s social care.',
        decidedBy: `${staff.dsl.name} with the MASH social worker`,
        notes: '',
      };
    }
    case 'police-report':
      return {
        route: rng.pick(['safer-schools-officer', 'pcso', 'neighbourhood', '101'] as const),
        toWhom: rng.pick(OFFICERS),
        crimeReference: rng.chance(0.6) ? `CR/${today.slice(0, 4)}/${String(rng.int(1, 9999)).padStart(4, '0')}` : '',
        advice: 'Keep the device secure and do not view the imagery.',
        outcome: rng.chance(0.5) ? 'Outcome 21: no further police action; school to manage.' : '',
      };
    case 'device': {
      const outcome = rng.weighted([['held', 5], ['handed-to-police', 2], ['returned', 3]] as const);
      return {
        description: rng.pick(DEVICES),
        owner: pupilName,
        confiscatedBy: author.name,
        switchedOff: 'yes',
        storedWhere: 'Locked in the DSL office safe',
        outcome,
        handedToOfficer: outcome === 'handed-to-police' ? rng.pick(OFFICERS) : '',
        handedOverOn: outcome === 'handed-to-police' ? today : '',
        notes: '',
      };
    }
    case 'social-care': {
      const referralMade = rng.chance(0.5) ? 'yes' : 'no';
      return {
        alreadyInvolved: rng.pick(['yes', 'no', 'unknown'] as const),
        referralMade,
        target: referralMade === 'yes' ? rng.pick(['childrens-social-care', 'mash'] as const) : '',
        contact: referralMade === 'yes' ? 'Duty social worker, front door team' : '',
        how: referralMade === 'yes' ? 'Online referral form, then a phone call' : '',
        reference: referralMade === 'yes' ? `MASH-${rng.int(10000, 99999)}` : '',
        outcome: rng.chance(0.5) ? 'Advice given; school to continue to support.' : '',
      };
    }
    case 'viewing-log': {
      const viewer = rng.chance(0.7) ? staff.dsl : staff.deputies[0]!;
      return {
        place: 'Headteacher’s office',
        onPremises: 'yes',
        viewerStaffId: viewer.id,
        viewerAuthority: viewer.id === staff.dsl.id ? 'dsl' : 'delegated',
        presentStaffId: rng.chance(0.85) ? staff.head.id : 'none',
        presentAlsoViewed: false,
        sameSex: 'yes',
        notSameSexReason: '',
        reason: rng.pick(['decide-referral', 'report-takedown', 'unavoidable'] as const),
        reasonFacts: `The pupils could not agree what the image showed, and it mattered for the referral decision.`,
        headConsulted: 'yes',
        nothingCopied: true,
        subsequentActions: 'Device returned to the safe.',
        staffSupport: rng.pick(['offered', 'not_needed'] as const),
      };
    }
    case 'deletion':
      if (rng.chance(0.7)) {
        const confirmed = rng.chance(0.7);
        return {
          mode: 'pupils-asked',
          pupils: incident.people.map((p) => `${p.pupil.first} ${p.pupil.last}`).join(', '),
          where: `Phones, ${incident.service} and any cloud backups`,
          deadline: schoolDate(c.at + 2 * DAY),
          toldOfLaw: true,
          confirmedOn: confirmed ? schoolDate(c.at + DAY) : '',
          confirmedHow: confirmed ? 'Each pupil confirmed in person to the DSL.' : '',
        };
      }
      return {
        mode: 'staff-search',
        authorisedBy: staff.head.name,
        searchedBy: staff.dsl.name,
        devices: rng.pick(DEVICES),
        found: 'One image in the photo gallery.',
        action: rng.pick(['deleted', 'retained-as-evidence'] as const),
        why: 'Agreed with the safer schools officer.',
      };
    case 'imagery-item':
      return {
        form: rng.pick(['photo', 'video'] as const),
        nature: 'real',
        madeOn: '',
        madeOnNote: 'Not known; shortly before it was shared',
        description: `A semi-nude photo of ${pupil.first}, taken by ${pupil.first}.`,
        sharedHow: `Sent on ${incident.service}.`,
      };
    case 'online-report':
      return {
        service: incident.service,
        reportedBy: rng.pick([pupilName, author.name, 'A parent']),
        route: rng.pick(['service', 'childline-iwf', 'ceop'] as const),
        outcome: rng.chance(0.5) ? 'The post was removed within a day.' : '',
      };
    // Recorded once, as every middle kind is early on; not weighted in MIDDLE_KINDS, as it is rare.
    case 'extortion':
      return { firstContactWhere: incident.service, demands: ['money'], amount: '£100', paidOrSent: 'no', imageShared: 'unknown', blockedAndReported: 'yes', evidenceKept: ['chat-screenshots', 'usernames'] };
    case 'conversation':
      return {
        withWhom: `${pupilName}${rng.chance(0.3) ? ' and a parent' : ''}`,
        byWhom: author.name,
        summary: sentences(c, CONVERSATION_SENTENCES, rng.int(2, 4)),
        supportOffered: rng.chance(0.5) ? 'Weekly check-ins with the pastoral lead.' : '',
      };
    case 'staff-welfare':
      return { staffMember: rng.pick(staff.deputies).name, supportOffered: 'Time to talk it through with the DSL, and the employee assistance line.' };
    case 'action': {
      const due = rng.chance(0.7);
      const done = due && rng.chance(0.6);
      return {
        type: rng.pick(['sanction', 'education', 'support-referral', 'inter-agency-meeting', 'follow-up'] as const),
        description: fill(rng.pick(ACTION_DESCRIPTIONS), { first: pupil.first, year: incident.year }),
        dueOn: due ? schoolDate(c.at + rng.int(2, 14) * DAY) : '',
        completedOn: done ? schoolDate(c.at + DAY) : '',
      };
    }
    case 'escalation':
      return { referTo: ['social-care'], reasons: `New information: ${pupil.first} said an adult outside school asked for images.` };
    case 'decision-review':
      return { decisionStands: 'stands', reasons: `${pupil.first} was seen again; nothing new has come to light.`, nextReviewBy: '' };
    case 'closure':
      return {
        outcome: `Managed in school. ${pupil.first} and the other pupils were supported and the imagery was deleted.`,
        lessons: rng.chance(0.5) ? 'Refresh the Year 9 session on consent and image sharing.' : '',
      };
  }
}

/** The kind's own schema, applied as the core applies it to input: the stored body is its output. */
function validBody(kind: EntryKind, body: Record<string, unknown>): Record<string, unknown> {
  const parsed = ENTRY_BODY_SCHEMAS[kind].safeParse(body);
  if (!parsed.success) throw new Error(`generated ${kind} body is not valid: ${parsed.error.message}`);
  return parsed.data;
}

/** Who signs what on a version, if anyone: each kind's own meanings, signed by the people its rules allow. */
function signersOf(kind: EntryKind, body: Record<string, unknown>, author: StaffMember, staff: Staff, rng: Rng): { meaning: SignatureMeaning; signer: StaffMember }[] {
  const byId = (id: unknown) => staff.everyone.find((s) => s.id === id);
  const signed: { meaning: SignatureMeaning; signer: StaffMember }[] = [];
  if (kind === 'viewing-log') {
    const viewer = byId(body.viewerStaffId);
    const present = byId(body.presentStaffId);
    if (viewer && rng.chance(0.85)) signed.push({ meaning: 'viewed-accurate', signer: viewer });
    if (present && rng.chance(0.75)) signed.push({ meaning: 'present-accurate', signer: present });
  } else if (kind === 'initial-review' && body.decision === 'manage-in-school') {
    if (rng.chance(0.8)) signed.push({ meaning: 'authorise-no-referral', signer: staff.head });
  } else if (kind === 'deletion' && body.mode === 'staff-search') {
    if (rng.chance(0.8)) signed.push({ meaning: 'authorised-search', signer: staff.head });
  } else if (kind === 'closure') {
    signed.push({ meaning: 'approve-closure', signer: staff.dsl });
  } else if (kind === 'escalation' && rng.chance(0.5)) {
    signed.push({ meaning: 'authorise-escalation', signer: staff.dsl });
  }
  if (kind !== 'closure' && author.active && rng.chance(0.35)) signed.push({ meaning: 'record-accurate', signer: author });
  return signed;
}

/**
 * Keys for the demo's other staff, made from the seed so that the same seed gives the same
 * records, signatures included (Ed25519 signatures are deterministic). The 32 seeded bytes
 * are each private key's raw form, imported through its fixed PKCS#8 DER prefix (RFC 8410).
 * Nobody can sign in as these people: they have no key slot, only their public keys on the roster.
 */
function seededPersonKeys(seed: number, username: string): PersonKeys {
  const raw = (use: string) => createHash('sha256').update(`ypsi-records demo ${use} key\n${seed}\n${username}`).digest();
  const signPrivate = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, raw('signing')]), format: 'der', type: 'pkcs8' });
  const boxPrivate = createPrivateKey({ key: Buffer.concat([PKCS8_X25519, raw('sealing')]), format: 'der', type: 'pkcs8' });
  const publicOf = (key: KeyObject) => createPublicKey(key).export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
  return { publicKeys: { sign: publicOf(signPrivate), box: publicOf(boxPrivate) }, signPrivate, boxPrivate };
}

const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex');

/**
 * One thing someone did, at the moment they did it: it writes its rows and appends the audit
 * row vouching for them, signed by `actor`. `rank` orders actions of the same moment (closing
 * an incident comes after everything else recorded then); `order` keeps the rest as planned.
 */
type Action = { at: number; rank: number; order: number; actor: StaffMember; run: (tx: Executor) => Promise<void> };

function comesFirst(a: Action, b: Action): boolean {
  if (a.at !== b.at) return a.at < b.at;
  if (a.rank !== b.rank) return a.rank < b.rank;
  return a.order < b.order;
}

/**
 * The school's history, taken in the order it happened (a binary heap), so the audit log
 * reads as a real school's would: one chain in time order. Actions may add later ones while
 * they run (a signature is decided once its version's body is written).
 */
class Timeline {
  private readonly heap: Action[] = [];
  private planned = 0;

  get size(): number {
    return this.heap.length;
  }

  add(at: number, actor: StaffMember, run: (tx: Executor) => Promise<void>, rank = 0): void {
    const heap = this.heap;
    heap.push({ at, rank, order: this.planned++, actor, run });
    for (let i = heap.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!comesFirst(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  take(): Action | undefined {
    const heap = this.heap;
    const first = heap[0];
    const last = heap.pop();
    if (heap.length === 0 || last === undefined) return first;
    heap[0] = last;
    for (let i = 0; ; ) {
      const left = 2 * i + 1;
      let least = i;
      if (left < heap.length && comesFirst(heap[left]!, heap[least]!)) least = left;
      if (left + 1 < heap.length && comesFirst(heap[left + 1]!, heap[least]!)) least = left + 1;
      if (least === i) break;
      [heap[i], heap[least]] = [heap[least]!, heap[i]!];
      i = least;
    }
    return first;
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

type Counters = { versions: number; signatures: number; middle: number };

/** What planning an incident's history needs and adds to. */
type Plan = { timeline: Timeline; rng: Rng; staff: Staff; now: number; counters: Counters; formerLastAt: number };

/** Adds a member of staff as the DSL does: their row, the roster version naming them and their public keys, and the audit row. */
async function addStaffMember(
  tx: Executor,
  dsl: { id: number; keys: PersonKeys },
  member: { name: string; username: string; roles: Role[]; keys: PersonKeys },
  at: number,
): Promise<StaffMember> {
  const added = await insertStaff(tx, { name: member.name, username: member.username, roles: member.roles, createdAt: iso(at), createdBy: dsl.id });
  const { id, name, username, roles } = added;
  await changeRosterMember(tx, dsl, id, () => ({ id, name, username, roles, active: true, ...member.keys.publicKeys }), new Date(at));
  await appendAudit(tx, { action: 'staff.added', actorId: dsl.id, at: new Date(at), subjectType: 'staff', subjectId: id, details: { roles } });
  return added;
}

/** An incident as it came to attention: when it was opened, by whom, which pupils and others were on it. */
function planIncidents(plan: Plan, count: number, pupils: Pupil[], counts: number[]): Incident[] {
  const { rng, staff, timeline } = plan;
  const nowMs = plan.now;
  const starts = Array.from({ length: count }, () => nowMs - rng.int(1, 3 * 365) * DAY).sort((a, b) => a - b);
  const numbers = new Map<number, number>();
  const incidents: Incident[] = [];
  // A tenth of the pupils turn up again and again, so pupils with several incidents are common.
  const repeaters = pupils.slice(0, Math.max(1, Math.ceil(pupils.length / 10)));
  for (const [index, start] of starts.entries()) {
    const cameToAttentionOn = schoolDate(start);
    const year = Number(cameToAttentionOn.slice(0, 4));
    const number = (numbers.get(year) ?? 0) + 1;
    numbers.set(year, number);
    const service = rng.pick(SERVICES);
    const yearGroup = String(rng.int(7, 11));
    const kind = rng.weighted([['self-shared', 45], ['shared-on', 35], ['possessed', 15], ['adult-shared', 5], ['sexual-extortion', 4]] as const);
    const sharing = rng.pick(['not_known', 'not_shared', 'shared'] as const);
    const input: IncidentInput = {
      title: fill(rng.pick(TITLES), { year: yearGroup, service, place: rng.pick(PLACES) }),
      cameToAttentionOn,
      imageryDate: rng.chance(0.6) ? schoolDate(start - rng.int(0, 5) * DAY) : '',
      kind,
      media: rng.pick(['photo', 'video', 'both', 'not_known'] as const),
      services: [service],
      sharing,
      sharingDetails: sharing === 'shared' ? `Forwarded on ${service} to a group of about ${rng.int(3, 30)} pupils.` : '',
      source: 'school',
      sourceAgency: '',
      sourceReference: '',
    };
    const reference = incidentReference(year, number);
    const creator = start < nowMs - 2 * 365 * DAY ? staff.former : rng.pick([staff.dsl, staff.dsl, ...staff.deputies]);

    // The first pupil is on the first incident and on a later one, so there is always someone "who has done this before".
    const chosen: Pupil[] = [];
    const howMany = rng.weighted([[1, 3], [2, 5], [3, 2]] as const);
    if (index === 0 || (index === Math.floor(count / 2) && count > 1)) chosen.push(pupils[0]!);
    while (chosen.length < howMany) {
      const candidate = rng.chance(0.12) ? rng.pick(repeaters) : rng.pick(pupils);
      if (!chosen.includes(candidate)) chosen.push(candidate);
      if (chosen.length >= pupils.length) break;
    }
    const roleSets: PersonRole[][] = [['pictured', 'made', 'sent'], ['received'], ['holds', 'sent'], ['reported']];
    const other: OtherPersonInput | null =
      kind === 'adult-shared'
        ? { kind: 'adult', name: `Unknown adult on ${service}`, age: null, dateOfBirth: '', sex: 'not_known', setting: '', relationship: 'Contacted the pupils online; not known to them', groupSize: null }
        : kind === 'sexual-extortion'
          ? { kind: 'online-account', name: `@${rng.pick(['night', 'river', 'amber', 'sky'])}.${rng.pick(['fox', 'wolf', 'hawk'])}.${rng.int(10, 99)}`, age: null, dateOfBirth: '', sex: 'not_known', setting: service, relationship: 'Appeared to be another young person; not known to them', groupSize: null }
          : rng.chance(0.1)
          ? { kind: 'young_person', name: `${rng.pick(FIRST_NAMES_FEMALE)} from ${rng.pick(OTHER_SCHOOLS)}`, age: rng.int(13, 16), dateOfBirth: '', sex: 'not_known', setting: rng.pick(OTHER_SCHOOLS), relationship: '', groupSize: null }
          : null;
    // Closing needs a signed review and closure, so only incidents with room for one are closed.
    const closed = start < nowMs - 45 * DAY && rng.chance(0.9) && counts[index]! >= 3;
    const incident: Incident = { id: 0, reference, cameToAttentionOn, start, closed, people: [], service, year: yearGroup, adultInvolved: kind === 'adult-shared', sextortion: kind === 'sexual-extortion' };
    incidents.push(incident);

    const { openedAt, lastAt } = planEntries(plan, incident, counts[index]!);
    if (creator.id === staff.former.id) plan.formerLastAt = Math.max(plan.formerLastAt, openedAt);
    // Opened when it came to attention, as the first entry is written; the people on it straight after.
    timeline.add(openedAt, creator, async (tx) => {
      const at = iso(openedAt);
      incident.id = await insertIncident(tx, { ...input, reference, year, number, policeMatter: isPoliceMatter(kind) }, at, creator.id);
      await appendAudit(tx, { action: 'incident.created', actorId: creator.id, at: new Date(openedAt), subjectType: 'incident', subjectId: incident.id, details: { reference } });
      for (const [i, pupil] of chosen.entries()) {
        const roles = roleSets[Math.min(i, roleSets.length - 1)]!;
        const personId = await insertPupilOnIncident(tx, incident.id, pupil.id, roles, at, creator.id);
        await appendAudit(tx, { action: 'person.added', actorId: creator.id, at: new Date(openedAt), subjectType: 'incident', subjectId: incident.id, details: { pupilId: pupil.id, roles } });
        incident.people.push({ personId, pupil, roles });
      }
      if (other) {
        const roles: PersonRole[] = [other.kind === 'adult' ? 'sent' : other.kind === 'online-account' ? 'requested' : 'received'];
        const personId = await insertOtherPersonOnIncident(tx, incident.id, other, roles, at, creator.id);
        await appendAudit(tx, { action: 'person.added', actorId: creator.id, at: new Date(openedAt), subjectType: 'incident', subjectId: incident.id, details: { incidentPersonId: personId, kind: other.kind, roles } });
      }
    });
    if (closed) {
      // After every entry and signature (signatures come within two days of their version).
      const closedAt = Math.min(nowMs, lastAt + SIGNED_WITHIN + HOUR);
      timeline.add(
        closedAt,
        staff.dsl,
        async (tx) => {
          await closeIncident(tx, incident.id, iso(closedAt), staff.dsl.id);
          await insertStatusChange(tx, incident.id, 'closed', '', iso(closedAt), staff.dsl.id);
          await appendAudit(tx, { action: 'incident.closed', actorId: staff.dsl.id, at: new Date(closedAt), subjectType: 'incident', subjectId: incident.id, details: { reference } });
        },
        1,
      );
    }
  }
  return incidents;
}

/** The longest a version waits for its signatures. */
const SIGNED_WITHIN = 48 * HOUR;

/** Spreads `total` entries over the incidents, unevenly, at least one each while they last. */
function entriesPerIncident(rng: Rng, incidents: number, total: number): number[] {
  if (incidents === 0) return [];
  const weights = Array.from({ length: incidents }, () => 0.3 + rng.next() * 1.4);
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.max(total >= incidents ? 1 : 0, Math.floor((total * w) / sum)));
  let assigned = counts.reduce((a, b) => a + b, 0);
  for (let i = 0; assigned < total; i = (i + 1) % incidents) {
    counts[i]! += 1;
    assigned += 1;
  }
  for (let i = incidents - 1; assigned > total; i = (i - 1 + incidents) % incidents) {
    if (counts[i]! > 0) {
      counts[i]! -= 1;
      assigned -= 1;
    }
  }
  return counts;
}

type VersionPlan = {
  entryKey: string;
  incident: Incident;
  kind: EntryKind;
  version: number;
  occurredAt: number;
  recordedAt: number;
  author: StaffMember;
  /** Drawn when the version is written: a body may name people added to the incident when it was opened. */
  body: () => Record<string, unknown>;
  amendmentReason: string | null;
  /** The version before (known once written), and when the version after it is written: nobody signs a version after that. */
  supersedes: () => number | null;
  supersededAt: number | null;
};

/** Writes one version of an entry at the moment it was recorded, then plans who signs it and when. */
function planVersion(plan: Plan, row: VersionPlan, written: (id: number) => void): void {
  const { timeline, rng, staff, counters } = plan;
  if (row.author.id === staff.former.id) plan.formerLastAt = Math.max(plan.formerLastAt, row.recordedAt);
  timeline.add(row.recordedAt, row.author, async (tx) => {
    const body = row.body();
    const fields = {
      entryKey: row.entryKey,
      incidentId: row.incident.id,
      kind: row.kind,
      version: row.version,
      supersedesId: row.supersedes(),
      occurredAt: iso(row.occurredAt),
      recordedAt: iso(row.recordedAt),
      authorId: row.author.id,
      body,
      amendmentReason: row.amendmentReason,
    };
    const contentHash = entryContentHash(fields);
    const id = await insertEntry(tx, { ...fields, contentHash });
    const at = new Date(row.recordedAt);
    const { entryKey, incidentId, kind, version } = fields;
    if (version === 1) {
      await appendAudit(tx, { action: 'entry.created', actorId: row.author.id, at, subjectType: 'entry', subjectId: id, details: { incidentId, kind, entryKey, version } });
    } else {
      await appendAudit(tx, { action: 'entry.amended', actorId: row.author.id, at, subjectType: 'entry', subjectId: id, details: { incidentId, entryKey, version, supersedes: fields.supersedesId } });
    }
    counters.versions += 1;
    written(id);
    for (const { meaning, signer } of signersOf(row.kind, body, row.author, staff, rng)) {
      const signedAt = Math.min(plan.now, row.recordedAt + rng.int(10, SIGNED_WITHIN / 60_000) * 60_000);
      // Only the latest version can be signed: one amended first is left as it was.
      if (row.supersededAt !== null && signedAt >= row.supersededAt) continue;
      timeline.add(signedAt, signer, async (stx) => {
        await insertSignature(stx, {
          entryId: id,
          signerId: signer.id,
          signerName: signer.name,
          signerRole: roleLabel(signer),
          meaning,
          signedAt: iso(signedAt),
          contentHash,
          witnessedBy: signer.id,
        });
        await appendAudit(stx, {
          action: 'entry.signed',
          actorId: signer.id,
          at: new Date(signedAt),
          subjectType: 'entry',
          subjectId: id,
          details: { meaning, contentHash, signedAtKeyboardOf: signer.id },
        });
        counters.signatures += 1;
      });
    }
  });
}

/** Plans an incident's entries in the order they happened; says when it was opened and when its last version was written. */
function planEntries(plan: Plan, incident: Incident, count: number): { openedAt: number; lastAt: number } {
  const { rng, staff, counters } = plan;
  const nowMs = plan.now;
  if (count === 0) return { openedAt: incident.start, lastAt: incident.start };
  // School hours on the day it came to attention, then spread over the weeks after.
  const firstAt = schoolTimeToUtc(incident.cameToAttentionOn, `${String(rng.int(8, 14)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`);
  const t0 = Math.min(Date.parse(firstAt), nowMs - HOUR);
  const spanDays = Math.max(0, Math.min(Math.floor((nowMs - t0) / DAY), incident.closed ? rng.int(20, 60) : rng.int(5, 40)));
  // Later entries on school days' working hours (08:00 to 17:30), never after `now`.
  const later = Array.from({ length: count - 1 }, () => {
    const day = schoolDate(t0 + rng.int(0, spanDays) * DAY);
    const minutes = rng.int(8 * 60, 17 * 60 + 30);
    const at = Date.parse(schoolTimeToUtc(day, `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`));
    return Math.max(t0 + 60_000, Math.min(at, nowMs - HOUR - rng.int(0, 120) * 60_000));
  });
  const times = [t0, ...later.sort((a, b) => a - b)];
  const kinds: EntryKind[] = times.map((_, i) => {
    if (i === 0) return 'disclosure';
    if (i === 1) return 'initial-review';
    if (i === count - 1 && incident.closed) return 'closure';
    // Every middle kind appears early on, whatever the size; then by their weights.
    const everyKind = ENTRY_KINDS.filter((k) => k !== 'closure');
    const kind = counters.middle < everyKind.length ? everyKind[counters.middle]! : rng.weighted(MIDDLE_KINDS);
    counters.middle += 1;
    return kind;
  });
  const veteran = incident.start < nowMs - 2 * 365 * DAY;
  let lastAt = t0;
  for (const [i, kind] of kinds.entries()) {
    const occurredAt = times[i]! + i;
    const backdated = rng.chance(0.06);
    const recordedAt = Math.min(nowMs, occurredAt + (backdated ? rng.int(2, 14) * DAY + rng.int(0, 8) * HOUR : rng.int(5, 6 * 60) * 60_000));
    const author =
      kind === 'closure' ? staff.dsl : veteran && rng.chance(0.5) ? staff.former : rng.weighted([[staff.dsl, 5], [staff.deputies[0]!, 3], [staff.deputies[1]!, 2]] as const);
    const notable = rng.chance(0.02) ? rng.pick(NOTABLE_WORDS) : null;
    const context = { rng, incident, staff, author, at: occurredAt, notable };
    const entryKey = rng.uuid();
    const amended = kind !== 'closure' && rng.chance(0.04);
    const amendment = amended
      ? (() => {
          const reason = rng.pick(AMENDMENT_REASONS);
          const correctedAt = reason.startsWith('Corrected the time') ? occurredAt - rng.int(5, 90) * 60_000 : occurredAt;
          return { reason, correctedAt, recordedAt: Math.min(nowMs, recordedAt + rng.int(1, 5) * DAY) };
        })()
      : null;
    let firstId: number | null = null;
    planVersion(
      plan,
      {
        entryKey,
        incident,
        kind,
        version: 1,
        occurredAt,
        recordedAt,
        author,
        body: () => validBody(kind, bodyOf(kind, context)),
        amendmentReason: null,
        supersedes: () => null,
        supersededAt: amendment?.recordedAt ?? null,
      },
      (id) => (firstId = id),
    );
    lastAt = Math.max(lastAt, recordedAt);
    if (amendment) {
      planVersion(
        plan,
        {
          entryKey,
          incident,
          kind,
          version: 2,
          occurredAt: amendment.correctedAt,
          recordedAt: amendment.recordedAt,
          author: staff.dsl,
          body: () => validBody(kind, bodyOf(kind, { ...context, at: amendment.correctedAt })),
          amendmentReason: amendment.reason,
          supersedes: () => firstId,
          supersededAt: null,
        },
        () => undefined,
      );
      lastAt = Math.max(lastAt, amendment.recordedAt);
    }
  }
  return { openedAt: t0, lastAt };
}

/** The demo's staff beside the DSL made at set-up: one of them leaves once their last record is written. */
const DEMO_STAFF: readonly { name: string; username: string; roles: Role[] }[] = [
  { name: 'Barnaby Hollowell', username: 'bhollow', roles: ['head'] },
  { name: 'Odette Fairweather', username: 'ofair', roles: ['deputy'] },
  { name: 'Cassius Wrenfield', username: 'cwren', roles: ['deputy'] },
  { name: 'Ptolemy Ashgrove', username: 'pashgrove', roles: ['deputy'] },
];

/** Actions per transaction: each commit is one fsync, and no transaction grows without bound. */
const ACTIONS_PER_TRANSACTION = 2000;

/**
 * Builds the demo data folder (which must not exist yet, or be empty) and says what is in it.
 * Everything after set-up is written as the school's own history, in time order: each change
 * with its audit row, signed by the person who made it, and a roster version for each change
 * of staff (decision 0017), so Verify finds nothing to report.
 */
export async function generateDemoData(options: DemoOptions): Promise<DemoSummary> {
  const username = options.username ?? DEMO_DEFAULTS.username;
  const password = options.password ?? DEMO_DEFAULTS.password;
  const now = options.now ?? new Date();
  const nowMs = now.getTime();
  const setUpAt = new Date(nowMs - 3 * 365 * DAY - 7 * DAY);

  // Set-up through dispatch: the core writes the key slots, the settings, the DSL's account and the first roster.
  const core = await createCore({ dataDir: options.dataDir, appVersion: 'demo', now: () => setUpAt, log: () => undefined });
  let recoveryCode: string;
  let dslId: number;
  try {
    const result = await core.dispatch('setup.create', {
      schoolName: options.schoolName ?? DEMO_DEFAULTS.schoolName,
      dslName: options.dslName ?? DEMO_DEFAULTS.dslName,
      username,
      password,
    });
    if (!result.ok) throw new Error(`demo set-up failed: ${result.error.code}: ${result.error.message}`);
    const value = result.value as { recoveryCode: string; status: { state: string; user?: { id: number } } };
    if (value.status.user === undefined) throw new Error('demo set-up did not sign in');
    recoveryCode = value.recoveryCode;
    dslId = value.status.user.id;
  } finally {
    await core.close();
  }

  // The DSL's own keys, from their slot: what they did in the demo is signed as they would sign it.
  const unlocked = await new KeyslotStore(dataPaths(options.dataDir).keyslots).unlockWithPassword(username, password);
  if (!unlocked.ok) throw new Error('demo data: the new account does not open its own key slot');
  const db = await Database.open(dataPaths(options.dataDir).database, unlocked.dataKey);
  unlocked.dataKey.fill(0);
  unlocked.nextDataKey?.fill(0);
  try {
    await migrate(db);
    await db.trackChanges();
    const rng = new Rng(options.seed);
    const dslKeys = unlocked.keys;
    const signers = new Map<number, AuditSigner>([[dslId, signerFor(dslId, dslKeys)]]);

    // The staff first, the DSL adding them in the days after set-up.
    db.setSigner(signers.get(dslId)!);
    const { dsl, added } = await db.transaction(async (tx) => {
      const found = await findStaffById(tx, dslId);
      if (!found) throw new Error('the DSL made at set-up was not found');
      const added: StaffMember[] = [];
      for (const [i, member] of DEMO_STAFF.entries()) {
        const keys = seededPersonKeys(options.seed, member.username);
        const one = await addStaffMember(tx, { id: dslId, keys: dslKeys }, { ...member, keys }, setUpAt.getTime() + (i + 1) * 10 * 60_000);
        signers.set(one.id, signerFor(one.id, keys));
        added.push(one);
      }
      return { dsl: found, added };
    });
    const [head, deputy1, deputy2, leaver] = added as [StaffMember, StaffMember, StaffMember, StaffMember];
    const former = { ...leaver, active: false };
    const staff: Staff = { dsl, head, deputies: [deputy1, deputy2], former, everyone: [dsl, head, deputy1, deputy2, former] };

    const counters: Counters = { versions: 0, signatures: 0, middle: 0 };
    const plan: Plan = { timeline: new Timeline(), rng, staff, now: nowMs, counters, formerLastAt: 0 };

    // The pupils on roll, entered by the DSL the day after set-up.
    const pupils: Pupil[] = [];
    for (const input of makePupils(rng, options.pupils, now)) {
      const { sexKey, ...details } = input;
      const pupil: Pupil = { id: 0, first: details.firstName, last: details.lastName, sex: sexKey };
      pupils.push(pupil);
      const at = setUpAt.getTime() + DAY + pupils.length * 10_000;
      plan.timeline.add(at, dsl, async (tx) => {
        pupil.id = await insertPupil(tx, details, iso(at), dsl.id);
        await appendAudit(tx, { action: 'pupil.created', actorId: dsl.id, at: new Date(at), subjectType: 'pupil', subjectId: pupil.id });
      });
    }

    const counts = entriesPerIncident(rng, pupils.length === 0 ? 0 : options.incidents, options.entries);
    const incidents = pupils.length === 0 ? [] : planIncidents(plan, options.incidents, pupils, counts);

    // The leaver's account is deactivated a week after the last thing they wrote, as a DSL does when someone leaves.
    const leftAt = Math.min(nowMs - HOUR, (plan.formerLastAt || setUpAt.getTime() + 30 * DAY) + 7 * DAY);
    plan.timeline.add(leftAt, dsl, async (tx) => {
      await deactivateStaff(tx, former.id, iso(leftAt), dsl.id);
      await changeRosterMember(
        tx,
        { id: dsl.id, keys: dslKeys },
        former.id,
        (member) => {
          if (!member) throw new Error('the leaver is not on the roster');
          return { ...member, active: false };
        },
        new Date(leftAt),
      );
      await appendAudit(tx, { action: 'staff.deactivated', actorId: dsl.id, at: new Date(leftAt), subjectType: 'staff', subjectId: former.id });
    });

    while (plan.timeline.size > 0) {
      await db.transaction(async (tx) => {
        for (let n = 0; n < ACTIONS_PER_TRANSACTION; n += 1) {
          const action = plan.timeline.take();
          if (!action) break;
          const signer = signers.get(action.actor.id);
          if (!signer) throw new Error(`no keys for ${action.actor.name}`);
          db.setSigner(signer);
          await action.run(tx);
        }
      });
    }
    db.setSigner(null);
    await db.transaction((tx) => optimizeSearchIndex(tx));
    return {
      dataDir: options.dataDir,
      recoveryCode,
      now: now.toISOString(),
      staff: staff.everyone.map(({ id, name, roles, active }) => ({ id, name, roles, active })),
      pupils: pupils.length,
      incidents: incidents.length,
      entries: counts.reduce((a, b) => a + b, 0),
      versions: counters.versions,
      signatures: counters.signatures,
    };
  } finally {
    await db.close();
  }
}
