import type { Scenario } from './types';

const NO = { adultInvolved: 'no', coercionOrGrooming: 'no', unusualOrViolent: 'no', sexualActs: 'no', immediateRisk: 'no', maliciousSharing: 'no' } as const;
const NO_AGGRAVATION = { adultOffender: false, intentToHarm: false, withoutPicturedConsent: false, romantic: false, sentOrPosted: true } as const;
const cite = (n: number) => `UKCCIS 2016, Annex F, Resource Sheet 2, case study ${n} (adapted from Wolak and Finkelhor)`;

/** Annex F's case studies with no aggravating element in the typology's sense, retold. */
export const ANNEX_F_EXPERIMENTAL: Scenario[] = [
  {
    id: 'case-study-1',
    name: 'Case study 1',
    group: 'annex-f',
    citation: cite(1),
    retelling:
      'A 9-year-old girl with mild learning difficulties was chatting on webcam with school friends from her bedroom. Getting ready for bed in a towel, she "flashed" them. A 10-year-old in the group told the class teacher next day, who told the head.',
    people: [
      { label: 'Girl, 9, mild learning difficulties (pictured)', kind: 'young_person', age: 9, yearGroup: 'Year 4 or 5', roles: ['pictured', 'made', 'sent'] },
      { label: 'Girl, 10 (saw it; told the teacher)', kind: 'young_person', age: 10, yearGroup: 'Year 5', roles: ['received', 'reported'] },
    ],
    imagery: 'A live webcam "flash"; no sexual act.',
    otherAgencies: '',
    answers: { ...NO, coercionOrGrooming: 'unknown' },
    answerNotes: {
      coercionOrGrooming: 'Point 2 includes concerns about capacity to consent, for example owing to special educational needs: her learning difficulties raise the question and the facts do not settle it.',
      sexualActs: 'She is under 13, but a flash is not a sexual act, so point 4 is not met.',
    },
    typology: { ...NO_AGGRAVATION },
  },
  {
    id: 'case-study-2',
    name: 'Case study 2',
    group: 'annex-f',
    citation: cite(2),
    retelling:
      'An 11-year-old girl in Year 6 texted her 12-year-old boyfriend, a former pupil, a photo of herself topless but covered. There had been no sexual activity between them. His mother found it on his phone, deleted it and told the girl\'s parents, who asked the school for advice.',
    people: [
      { label: 'Girl, 11 (pictured; made and sent it)', kind: 'young_person', age: 11, yearGroup: 'Year 6', roles: ['pictured', 'made', 'sent'] },
      { label: 'Boy, 12, former pupil (received it)', kind: 'young_person', age: 12, yearGroup: 'Year 7', roles: ['received'] },
      { label: 'The boy\'s mother (found and deleted it; told the girl\'s parents)', kind: 'adult', age: null, roles: ['reported'] },
      { label: 'The girl\'s parents (asked the school)', kind: 'adult', age: null, roles: ['reported'] },
    ],
    imagery: 'One photo, topless but covered; no sexual act.',
    otherAgencies: '',
    answers: { ...NO },
    answerNotes: { adultInvolved: 'The adults only found it and told the school: reporting it does not make an adult "involved".', sexualActs: 'Both are under 13, but there is no sexual act.' },
    typology: { ...NO_AGGRAVATION, romantic: true },
  },
  {
    id: 'case-study-11',
    name: 'Case study 11',
    group: 'annex-f',
    citation: cite(11),
    retelling:
      'A 14-year-old boy and a 12-year-old girl, going out for a couple of weeks, sent each other sexual pictures and videos, some showing masturbation. The girl\'s mother found his pictures and told the head she wanted him prosecuted; on finding her daughter had sent some too, she wanted her prosecuted as well.',
    people: [
      { label: 'Boy, 14 (pictured; made, sent and received)', kind: 'young_person', age: 14, yearGroup: 'Year 9 or 10', roles: ['pictured', 'made', 'sent', 'received'] },
      { label: 'Girl, 12 (pictured; made, sent and received)', kind: 'young_person', age: 12, yearGroup: 'Year 7 or 8', roles: ['pictured', 'made', 'sent', 'received'] },
      { label: 'The girl\'s mother (told the head)', kind: 'adult', age: null, roles: ['reported'] },
    ],
    imagery: 'Sexual pictures and videos, some showing masturbation.',
    otherAgencies: '',
    answers: { ...NO, sexualActs: 'yes' },
    answerNotes: { sexualActs: 'Masturbation is a sexual act and the girl pictured is 12: point 4.' },
    typology: { ...NO_AGGRAVATION, romantic: true },
  },
  {
    id: 'case-study-12',
    name: 'Case study 12',
    group: 'annex-f',
    citation: cite(12),
    retelling:
      'Parents came to the school on finding that their 16-year-old son had received a video of a 17-year-old boy masturbating. The two boys are in a relationship; the parents are upset about their son being gay.',
    people: [
      { label: 'Boy, 16 (received it)', kind: 'young_person', age: 16, yearGroup: 'Year 11 or 12', roles: ['received', 'holds'] },
      { label: 'Boy, 17, his boyfriend (pictured; made and sent it)', kind: 'young_person', age: 17, roles: ['pictured', 'made', 'sent'] },
      { label: 'His parents (told the school)', kind: 'adult', age: null, roles: ['reported'] },
    ],
    imagery: 'A video of a 17-year-old masturbating.',
    otherAgencies: '',
    answers: { ...NO, sexualActs: 'yes' },
    answerNotes: {
      sexualActs: 'A sexual act, but the one pictured is 17, so point 4 is not met.',
      immediateRisk: 'His parents\' reaction to his sexuality is a concern for his wellbeing to weigh; the facts do not say he is at immediate risk.',
    },
    typology: { ...NO_AGGRAVATION, romantic: true },
  },
  {
    id: 'case-study-13',
    name: 'Case study 13',
    group: 'annex-f',
    citation: cite(13),
    retelling:
      'A 15-year-old girl sent naked pictures of herself, unasked, to three boys at school, one of them 18. Then she and a friend went to their class teacher, worried the pictures would go round the school.',
    people: [
      { label: 'Girl, 15 (pictured; made and sent them)', kind: 'young_person', age: 15, yearGroup: 'Year 10 or 11', roles: ['pictured', 'made', 'sent'] },
      { label: 'Two boys at school (received them)', kind: 'young_person', age: null, roles: ['received'] },
      { label: 'Boy, 18, at school (received them)', kind: 'young_person', age: 18, yearGroup: 'Year 13', roles: ['received', 'holds'] },
    ],
    imagery: 'Naked pictures; no sexual act is described.',
    otherAgencies: '',
    answers: { ...NO, adultInvolved: 'yes' },
    answerNotes: {
      adultInvolved: 'One boy who received them is 18: in law an adult, so point 1 is met, even though he did not ask for them and the typology sees no adult offender.',
    },
    typology: { ...NO_AGGRAVATION },
  },
  {
    id: 'case-study-14',
    name: 'Case study 14',
    group: 'annex-f',
    citation: cite(14),
    retelling:
      'A 17-year-old girl posted nude pictures of herself on a social network. The site took them down as possible child abuse images and reported them to NCA-CEOP, who passed it to the local police. The police came to the school and spoke to her; she was not charged.',
    people: [{ label: 'Girl, 17 (pictured; made and posted them)', kind: 'young_person', age: 17, yearGroup: 'Year 12 or 13', roles: ['pictured', 'made', 'sent'] }],
    imagery: 'Nude pictures, posted publicly and since removed; no sexual act is described.',
    otherAgencies: 'NCA-CEOP and the local police already know; the police came to the school.',
    answers: { ...NO },
    answerNotes: {},
    typology: { ...NO_AGGRAVATION },
  },
  {
    id: 'case-study-15',
    name: 'Case study 15',
    group: 'annex-f',
    citation: cite(15),
    retelling:
      'An 11-year-old girl took naked pictures of her breasts on her phone. Her grandparents found them, did not realise they were of her, and brought the phone to school. She says she took them herself and sent them to no one.',
    people: [
      { label: 'Girl, 11 (pictured; made them)', kind: 'young_person', age: 11, yearGroup: 'Year 6 or 7', roles: ['pictured', 'made', 'holds'] },
      { label: 'Her grandparents (brought the phone in)', kind: 'adult', age: null, roles: ['reported'] },
    ],
    imagery: 'Naked pictures of her breasts; no sexual act; not sent.',
    otherAgencies: '',
    answers: { ...NO },
    answerNotes: { sexualActs: 'She is under 13, but there is no sexual act.' },
    typology: { ...NO_AGGRAVATION, sentOrPosted: false },
  },
];
