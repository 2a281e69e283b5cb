import { z } from 'zod';
import { dateField, isoDate } from './dates';
import { INCIDENT_SOURCES, type IncidentSource } from './incident-source';
import { nameText, optionalText, requiredText } from './text';

/** Section 1, "types of incidents", plus the one case the advice leaves to the police. */
export const INCIDENT_KINDS = ['self-shared', 'shared-on', 'possessed', 'adult-shared'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
export const INCIDENT_KIND_LABELS: Record<IncidentKind, string> = {
  'self-shared': 'A young person under 18 made and shared imagery of themselves with a peer under 18',
  'shared-on': 'A young person under 18 shared imagery made by another under-18 with a peer or an adult',
  possessed: 'A young person under 18 holds imagery made by another under-18',
  'adult-shared': 'An adult shared sexual imagery of someone under 18',
};

/** Adult-shared imagery is child sexual abuse: the advice says schools always inform the police. */
export function isPoliceMatter(kind: IncidentKind): boolean {
  return kind === 'adult-shared';
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

export const PERSON_ROLES = ['pictured', 'made', 'sent', 'received', 'holds', 'reported'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
export const PERSON_ROLE_LABELS: Record<PersonRole, string> = {
  pictured: 'Pictured in the imagery',
  made: 'Made the imagery',
  sent: 'Sent or shared it',
  received: 'Received it',
  holds: 'Holds it',
  reported: 'Reported it',
};

export const roleSet = z
  .array(z.enum(PERSON_ROLES))
  .min(1, 'Choose at least one role')
  .max(PERSON_ROLES.length, 'Each role may be chosen once')
  .refine((roles) => new Set(roles).size === roles.length, 'Each role may be chosen once');

export const OTHER_PERSON_KINDS = ['young_person', 'adult'] as const;
export const OTHER_PERSON_KIND_LABELS: Record<(typeof OTHER_PERSON_KINDS)[number], string> = {
  young_person: 'A young person from another school or setting',
  adult: 'An adult',
};

export const otherPersonInput = z
  .object({
    kind: z.enum(OTHER_PERSON_KINDS, { error: 'Say whether this is a young person or an adult' }),
    name: nameText('name', { missing: 'Enter the name, or a description if the name is not known', max: 120 }),
    age: z.union([z.number().int().min(0).max(120), z.null()], { error: 'Enter the age in years, or leave it blank' }).default(null),
    dateOfBirth: z.union([isoDate, z.literal('')]).default(''),
    sex: z.enum(['female', 'male', 'not_known']).default('not_known'),
    setting: optionalText(160),
    relationship: optionalText(200),
  })
  .refine((p) => p.kind !== 'adult' || p.relationship !== '', {
    path: ['relationship'],
    message: 'Say how the adult is related to or knows the young people',
  });
export type OtherPersonInput = z.output<typeof otherPersonInput>;

/** A person's date of birth, whether a pupil or someone from outside the school; '' when not known. */
export function personDateOfBirth(person: { pupil: { dateOfBirth: string } | null; other: { dateOfBirth: string } | null }): string {
  return person.pupil?.dateOfBirth || person.other?.dateOfBirth || '';
}
