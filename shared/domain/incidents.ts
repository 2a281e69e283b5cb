import { z } from 'zod';
import { dateField, isoDate } from './dates';
import { INCIDENT_SOURCES, type IncidentSource } from './incident-source';
import { nameText, optionalText, requiredText } from './text';

/**
 * Section 1, "types of incidents", plus the cases that go straight to the police: an adult
 * sharing imagery of a child, and sexual extortion (decision 0021).
 */
export const INCIDENT_KINDS = ['self-shared', 'shared-on', 'possessed', 'adult-shared', 'sexual-extortion'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
export const INCIDENT_KIND_LABELS: Record<IncidentKind, string> = {
  'self-shared': 'A young person under 18 made and shared imagery of themselves with a peer under 18',
  'shared-on': 'A young person under 18 shared imagery made by another under-18 with a peer or an adult',
  possessed: 'A young person under 18 holds imagery made by another under-18',
  'adult-shared': 'An adult shared nudes or semi-nudes of someone under 18',
  // Decision 0021, field 1, in the current advice's words (docs/guidance-2024.md S3).
  'sexual-extortion': 'Someone threatened to share nudes or semi-nudes of a young person unless they paid or sent more (financially motivated sexual extortion, ‘sextortion’)',
};

/**
 * Adult-shared imagery is child sexual abuse: the advice says schools always inform the police.
 * Sexual extortion is too: the offender is "an adult offender" in the NCA's words, and the NCA
 * asks schools to refer it to "local police and/or local authority children's services"
 * (docs/guidance-2024.md S3; decision 0021). Its offender's age is rarely known, so this does
 * not wait on point 1 of the initial review.
 */
export function isPoliceMatter(kind: IncidentKind): boolean {
  return kind === 'adult-shared' || kind === 'sexual-extortion';
}

export const MEDIA = ['photo', 'video', 'both', 'not_known'] as const;
export const MEDIA_LABELS: Record<(typeof MEDIA)[number], string> = {
  photo: 'Photo',
  video: 'Video',
  both: 'Photos and video',
  not_known: 'Not known',
};

export const SHARING = ['not_known', 'not_shared', 'shared'] as const;
export const SHARING_LABELS: Record<(typeof SHARING)[number], string> = {
  not_known: 'Not known yet',
  not_shared: 'Not shared beyond the people involved',
  shared: 'Shared further',
};

export const INCIDENT_STATUSES = ['open', 'closed'] as const;


/** An incident's facts, as opened and as corrected. */
export const incidentFields = {
  title: requiredText('Enter a short, neutral title', 120),
  cameToAttentionOn: dateField('Enter the date it came to the school’s attention'),
  imageryDate: z.union([isoDate, z.literal('')]).default(''),
  kind: z.enum(INCIDENT_KINDS, { error: 'Choose what kind of incident this is' }),
  media: z.enum(MEDIA, { error: 'Choose whether it is a photo or a video' }),
  services: z.array(z.string().trim().min(1).max(60)).max(20, 'List at most 20 services').default([]),
  sharing: z.enum(SHARING, { error: 'Say how widely it has been shared' }),
  sharingDetails: optionalText(2000),
  source: z.enum(INCIDENT_SOURCES, { error: 'Say how the incident reached the school' }).default('school'),
  /** Who told the school: the agency, and the person there (name, role, collar number). */
  sourceAgency: optionalText(300),
  /** Any reference they gave (a crime reference, a case number). */
  sourceReference: optionalText(80),
};

/** The rules between an incident's facts, for opening one and for correcting one alike. */
export function withIncidentRules<
  S extends z.ZodType<{ imageryDate: string; cameToAttentionOn: string; sharing: string; sharingDetails: string; source: IncidentSource; sourceAgency: string }>,
>(schema: S): S {
  return schema
    .refine((i) => i.source === 'school' || i.sourceAgency !== '', {
      path: ['sourceAgency'],
      message: 'Enter who told the school: the agency, and the person there',
    })
    .refine((i) => i.imageryDate === '' || i.imageryDate <= i.cameToAttentionOn, {
      path: ['imageryDate'],
      message: 'The imagery cannot have been made after the incident came to attention',
    })
    .refine((i) => i.sharing !== 'shared' || i.sharingDetails !== '', {
      path: ['sharingDetails'],
      message: 'Say where or with whom it has been shared (or “not known”)',
    });
}

export const incidentInput = withIncidentRules(z.object(incidentFields).strict());
export type IncidentInput = z.output<typeof incidentInput>;

/** "YPSI-2026-007": the kind of record, the year it came to attention, and a count per year. */
export function incidentReference(year: number, number: number): string {
  return `YPSI-${year}-${String(number).padStart(3, '0')}`;
}

export const PERSON_ROLES = ['pictured', 'made', 'requested', 'sent', 'received', 'holds', 'reported'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
export const PERSON_ROLE_LABELS: Record<PersonRole, string> = {
  pictured: 'Pictured in the imagery',
  made: 'Made the imagery',
  // Section 2's "coercion" and Annex F's cases of a boy asking for, or pressuring a girl into sending, a photo.
  requested: 'Asked for or pressured someone to send it',
  sent: 'Sent or shared it',
  received: 'Received it',
  holds: 'Holds it',
  // A parent or friend who only told the school has this role and no other.
  reported: 'Reported it',
};

export const roleSet = z
  .array(z.enum(PERSON_ROLES))
  .min(1, 'Choose at least one role')
  .max(PERSON_ROLES.length, 'Each role may be chosen once')
  .refine((roles) => new Set(roles).size === roles.length, 'Each role may be chosen once');

/**
 * Who someone on an incident is when they are not a pupil of this school. `young_person` is
 * stored as it always was (decision 0020); the kinds added since are kebab-case.
 */
export const OTHER_PERSON_KINDS = ['young_person', 'adult', 'online-account', 'group'] as const;
export type OtherPersonKind = (typeof OTHER_PERSON_KINDS)[number];
export const OTHER_PERSON_KIND_LABELS: Record<OtherPersonKind, string> = {
  young_person: 'A young person from another school or setting',
  adult: 'An adult',
  'online-account': 'An online account whose age is not known',
  group: 'A group of people',
};
const GROUP_SIZE = 'Enter about how many people are in the group, as a whole number of 2 or more';

/** Kinds that stand for no one person whose age can be known: no age or date of birth. (An online account's `setting` holds its service or app.) */
const AGELESS: readonly OtherPersonKind[] = ['online-account', 'group'];

export const otherPersonInput = z
  .object({
    kind: z.enum(OTHER_PERSON_KINDS, { error: 'Say who this is: a young person, an adult, an online account or a group' }),
    name: nameText('name', { missing: 'Enter the name, the username or a description (for example “unknown account holder”)', max: 120 }),
    age: z.union([z.number().int().min(0).max(120), z.null()], { error: 'Enter the age in years, or leave it blank' }).default(null),
    dateOfBirth: z.union([isoDate, z.literal('')]).default(''),
    sex: z.enum(['female', 'male', 'not_known']).default('not_known'),
    setting: optionalText(160),
    relationship: optionalText(200),
    /** A group's approximate number of people; null for anyone else. */
    groupSize: z.union([z.number().int(GROUP_SIZE).min(2, GROUP_SIZE).max(100000, GROUP_SIZE), z.null()], { error: GROUP_SIZE }).default(null),
  })
  .refine((p) => p.kind !== 'adult' || p.relationship !== '', {
    path: ['relationship'],
    message: 'Say how the adult is related to or knows the young people',
  })
  .refine((p) => p.kind !== 'young_person' || p.setting !== '', {
    path: ['setting'],
    message: 'Enter the school or setting they attend, or “not known”',
  })
  .refine((p) => p.kind !== 'group' || p.groupSize !== null, {
    path: ['groupSize'],
    message: 'Enter about how many people are in the group',
  })
  .refine((p) => p.kind === 'group' || p.groupSize === null, {
    path: ['groupSize'],
    message: 'Only a group has a number of people',
  })
  .refine((p) => !AGELESS.includes(p.kind) || (p.age === null && p.dateOfBirth === ''), {
    path: ['age'],
    message: 'An online account or a group has no age of its own: if you know the age, add them as a young person or an adult',
  });
export type OtherPersonInput = z.output<typeof otherPersonInput>;

/** Who someone from outside the school is, in a few words, for the incident page and the printed record. */
export function otherPersonDescription(other: { kind: OtherPersonKind; setting: string; relationship: string; groupSize: number | null }): string {
  const setting = /^not known\.?$/i.test(other.setting) ? 'not known' : other.setting;
  switch (other.kind) {
    case 'young_person':
      return setting ? `Young person from another school or setting: ${setting}` : 'Young person from another school or setting';
    case 'adult':
      return ['Adult', [other.relationship, other.setting].filter((part) => part !== '').join(', ')].filter((part) => part !== '').join(': ');
    case 'online-account':
      return `Online account, age not known${setting && setting !== 'not known' ? `, on ${setting}` : ''}`;
    case 'group':
      return `Group of about ${(other.groupSize ?? 0).toLocaleString('en-GB')} people${setting && setting !== 'not known' ? `, ${setting}` : ''}`;
  }
}

/** A person's date of birth, whether a pupil or someone from outside the school; '' when not known. */
export function personDateOfBirth(person: { pupil: { dateOfBirth: string } | null; other: { dateOfBirth: string } | null }): string {
  return person.pupil?.dateOfBirth || person.other?.dateOfBirth || '';
}
