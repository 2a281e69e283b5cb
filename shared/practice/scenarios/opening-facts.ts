import type { IncidentKind, MEDIA, SHARING } from '../../domain/incidents';

/**
 * What a practice incident is opened with: the facts the case study states about the
 * incident itself (section 1's kind, photo or video, how far it has gone). People, their
 * parts and the five points are left for the person practising to record, through the real
 * forms; these they may correct like any incident's facts.
 */
export type OpeningFacts = { kind: IncidentKind; media: (typeof MEDIA)[number]; sharing: (typeof SHARING)[number]; sharingDetails: string };

const KEPT = { sharing: 'not_shared', sharingDetails: '' } as const;
const shared = (sharingDetails: string) => ({ sharing: 'shared', sharingDetails }) as const;

export const OPENING_FACTS: Record<string, OpeningFacts> = {
  'case-study-a': { kind: 'self-shared', media: 'photo', ...KEPT },
  'case-study-b': { kind: 'self-shared', media: 'photo', ...KEPT },
  'case-study-1': { kind: 'self-shared', media: 'video', ...shared('Seen live on webcam by a group of school friends') },
  'case-study-2': { kind: 'self-shared', media: 'photo', ...KEPT },
  'case-study-3': { kind: 'shared-on', media: 'photo', ...shared('Sent on by her ex-boyfriend; about 200 pupils have it') },
  'case-study-4': { kind: 'self-shared', media: 'photo', ...shared('Sent to a man she met online') },
  'case-study-5': { kind: 'shared-on', media: 'photo', ...shared('Shown to a girl; sent to several boys') },
  'case-study-6': { kind: 'shared-on', media: 'photo', ...shared('Posted by mistake on a social network; sent by a boy from another school to about 100 people') },
  'case-study-7': { kind: 'self-shared', media: 'photo', ...shared('Sent to many men online') },
  'case-study-8': { kind: 'possessed', media: 'photo', sharing: 'not_known', sharingDetails: '' },
  'case-study-9': { kind: 'shared-on', media: 'video', ...shared('Sent to six people; talked about across the school') },
  'case-study-10': { kind: 'shared-on', media: 'photo', ...shared('Sent on by a classmate to four girls') },
  'case-study-11': { kind: 'self-shared', media: 'both', ...KEPT },
  'case-study-12': { kind: 'self-shared', media: 'video', ...KEPT },
  'case-study-13': { kind: 'self-shared', media: 'photo', ...shared('Sent to three boys at school') },
  'case-study-14': { kind: 'self-shared', media: 'photo', ...shared('Posted on a social network; removed by the site') },
  'case-study-15': { kind: 'possessed', media: 'photo', ...KEPT },
};
