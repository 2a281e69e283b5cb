import type { Scenario } from './types';

const NO = { adultInvolved: 'no', coercionOrGrooming: 'no', unusualOrViolent: 'no', sexualActs: 'no', immediateRisk: 'no', maliciousSharing: 'no' } as const;
const NO_AGGRAVATION = { adultOffender: false, intentToHarm: false, withoutPicturedConsent: false, romantic: false, sentOrPosted: true } as const;
const cite = (n: number) => `UKCCIS 2016, Annex F, Resource Sheet 2, case study ${n} (adapted from Wolak and Finkelhor)`;
const PARENTS = { label: 'Her parents (told the school)', kind: 'adult', age: null, roles: ['reported'] } as const;

/** Annex F's case studies whose facts have an aggravating element, retold. */
export const ANNEX_F_AGGRAVATED: Scenario[] = [
  {
    id: 'case-study-3',
    name: 'Case study 3',
    group: 'annex-f',
    citation: cite(3),
    retelling:
      'A 13-year-old girl sent her 14-year-old boyfriend a topless photo of herself. After they split up he sent it to lots of friends, who forwarded it on. By the time a pupil who received it told a parent, some 200 pupils had it.',
    people: [
      { label: 'Girl, 13 (pictured; made and sent it)', kind: 'young_person', age: 13, yearGroup: 'Year 8 or 9', roles: ['pictured', 'made', 'sent'] },
      { label: 'Boy, 14 (her ex-boyfriend; shared it on)', kind: 'young_person', age: 14, yearGroup: 'Year 9 or 10', roles: ['received', 'sent'] },
    ],
    imagery: 'One topless photo; no sexual act. Shared to about 200 pupils.',
    otherAgencies: '',
    answers: { ...NO, maliciousSharing: 'yes' },
    answerNotes: { maliciousSharing: 'He sent it on after the break-up, without her consent: section 2 names this an aggravating factor.' },
    typology: { ...NO_AGGRAVATION, intentToHarm: true, romantic: true },
  },
  {
    id: 'case-study-4',
    name: 'Case study 4',
    group: 'annex-f',
    citation: cite(4),
    retelling:
      'Parents found nude pictures on their 14-year-old daughter\'s phone. She says she sent them to a 37-year-old man she met online and lives far away, whom she has never met and says she loves.',
    people: [
      { label: 'Girl, 14 (pictured; made and sent them)', kind: 'young_person', age: 14, yearGroup: 'Year 9 or 10', roles: ['pictured', 'made', 'sent'] },
      { label: 'Man, 37, met online (received them)', kind: 'adult', age: 37, roles: ['received', 'holds'] },
      PARENTS,
    ],
    imagery: 'Nude pictures; the case study does not say of sexual acts.',
    otherAgencies: '',
    answers: { ...NO, adultInvolved: 'yes', coercionOrGrooming: 'yes', sexualActs: 'unknown' },
    answerNotes: { coercionOrGrooming: 'An adult she met online whom she says she loves: the pattern of grooming section 2 describes.' },
    typology: { ...NO_AGGRAVATION, adultOffender: true },
  },
  {
    id: 'case-study-5',
    name: 'Case study 5',
    group: 'annex-f',
    citation: cite(5),
    retelling:
      'Two Year 9 girls who had been friends, and had nude photos of each other, fell out. One showed the other\'s photo to a girl; the second, thinking hers had gone round widely, sent the first girl\'s topless photo to several boys to get even. Days later both came to the head, upset and sorry.',
    people: [
      { label: 'Girl A, Year 9 (pictured; showed B\'s photo)', kind: 'young_person', age: 14, yearGroup: 'Year 9', roles: ['pictured', 'holds', 'sent'] },
      { label: 'Girl B, Year 9 (pictured; sent A\'s photo to boys)', kind: 'young_person', age: 14, yearGroup: 'Year 9', roles: ['pictured', 'holds', 'sent'] },
      { label: 'Several boys (received A\'s photo)', kind: 'young_person', age: null, roles: ['received'] },
    ],
    imagery: 'Nude and topless photos of each girl; no sexual act.',
    otherAgencies: '',
    answers: { ...NO, maliciousSharing: 'yes' },
    answerNotes: { maliciousSharing: 'Each shared the other\'s photo without consent to get even: malicious intent.' },
    typology: { ...NO_AGGRAVATION, intentToHarm: true },
  },
  {
    id: 'case-study-6',
    name: 'Case study 6',
    group: 'annex-f',
    citation: cite(6),
    retelling:
      'A 16-year-old girl\'s parents tell the school a boy is blackmailing her. She had posted a nude photo of herself to a social network by mistake and deleted it, but a boy from another school had already saved it. He threatened to share it unless she sent more; she refused, and he sent it to about 100 people.',
    people: [
      { label: 'Girl, 16 (pictured)', kind: 'young_person', age: 16, yearGroup: 'Year 11 or 12', roles: ['pictured', 'made'] },
      { label: 'Boy from another school (saved it, threatened her, shared it)', kind: 'young_person', age: null, roles: ['holds', 'requested', 'sent'] },
      PARENTS,
    ],
    imagery: 'One nude photo; the case study does not say of a sexual act. Shared to about 100 people.',
    otherAgencies: 'The boy is at another school: it may need to be told (section 2).',
    answers: { ...NO, coercionOrGrooming: 'yes', maliciousSharing: 'yes' },
    answerNotes: {
      coercionOrGrooming: 'He threatened to share her photo unless she sent more: blackmail, which point 2 names.',
      maliciousSharing: 'He shared it after she refused him.',
      sexualActs: 'A nude photo is not in itself a sexual act; and she is 16, so point 4 cannot be met.',
    },
    typology: { ...NO_AGGRAVATION, intentToHarm: true },
  },
  {
    id: 'case-study-7',
    name: 'Case study 7',
    group: 'annex-f',
    citation: cite(7),
    retelling:
      'A 16-year-old girl has been sending sexually explicit photos of herself to many men online, on a stolen computer after her parents took hers away. Her parents found the conversations and asked the school for advice.',
    people: [
      { label: 'Girl, 16 (pictured; made and sent them)', kind: 'young_person', age: 16, yearGroup: 'Year 11 or 12', roles: ['pictured', 'made', 'sent'] },
      { label: 'Men online (received them)', kind: 'adult', age: null, roles: ['received', 'holds'] },
      PARENTS,
    ],
    imagery: 'Sexually explicit photos.',
    otherAgencies: '',
    answers: { ...NO, adultInvolved: 'yes', coercionOrGrooming: 'unknown', sexualActs: 'unknown', immediateRisk: 'unknown' },
    answerNotes: { adultInvolved: 'Adult men received the photos.' },
    typology: { ...NO_AGGRAVATION, adultOffender: true },
  },
  {
    id: 'case-study-8',
    name: 'Case study 8',
    group: 'annex-f',
    citation: cite(8),
    retelling:
      'A classmate tells a teacher that a 13-year-old girl took sexual pictures of her three younger sisters, aged 5, 6 and 8, and touched them sexually. Children\'s social care has worked with the family for some time.',
    people: [
      { label: 'Girl, 13 (made the pictures)', kind: 'young_person', age: 13, yearGroup: 'Year 8 or 9', roles: ['made', 'holds'] },
      { label: 'Sister, 5 (pictured)', kind: 'young_person', age: 5, roles: ['pictured'] },
      { label: 'Sister, 6 (pictured)', kind: 'young_person', age: 6, roles: ['pictured'] },
      { label: 'Sister, 8 (pictured)', kind: 'young_person', age: 8, roles: ['pictured'] },
      { label: 'Classmate (told a teacher)', kind: 'young_person', age: 13, roles: ['reported'] },
    ],
    imagery: 'Sexual pictures of three children under 13, with sexual touching.',
    otherAgencies: 'Children\'s social care is already involved with the family.',
    answers: { ...NO, unusualOrViolent: 'yes', sexualActs: 'yes', immediateRisk: 'yes' },
    answerNotes: { sexualActs: 'Sexual pictures and touching of children aged 5, 6 and 8: point 4.', immediateRisk: 'The younger children live with her.' },
    typology: { ...NO_AGGRAVATION, intentToHarm: true, sentOrPosted: false },
  },
  {
    id: 'case-study-9',
    name: 'Case study 9',
    group: 'annex-f',
    citation: cite(9),
    retelling:
      'At a party with heavy drinking, three 15-year-old boys pulled their swimming trunks down in a pool as a joke. A 17-year-old girl filmed it and sent the video to six people; the boys did not know. The video became the talk of the school.',
    people: [
      { label: 'Three boys, 15 (pictured)', kind: 'young_person', age: 15, yearGroup: 'Year 10 or 11', roles: ['pictured'] },
      { label: 'Girl, 17 (filmed and sent it)', kind: 'young_person', age: 17, yearGroup: 'Year 12 or 13', roles: ['made', 'sent'] },
      { label: 'Six people (received it)', kind: 'young_person', age: null, roles: ['received'] },
    ],
    imagery: 'A video of three boys with their trunks down; no sexual act.',
    otherAgencies: '',
    answers: { ...NO },
    answerNotes: { maliciousSharing: 'Sent without their knowledge, but nothing in the facts says she meant harm: thoughtless rather than malicious.' },
    typology: { ...NO_AGGRAVATION, withoutPicturedConsent: true },
  },
  {
    id: 'case-study-10',
    name: 'Case study 10',
    group: 'annex-f',
    citation: cite(10),
    retelling:
      'A 16-year-old boy, bullied and teased about his body, sent a photo of his penis to a girl in his class, who sent it on to four other girls without asking him. A teacher who confiscated his phone found the photo as its screensaver.',
    people: [
      { label: 'Boy, 16 (pictured; made and sent it)', kind: 'young_person', age: 16, yearGroup: 'Year 11 or 12', roles: ['pictured', 'made', 'sent'] },
      { label: 'Girl in his class (received it; sent it on)', kind: 'young_person', age: 16, roles: ['received', 'sent'] },
      { label: 'Four girls (received it)', kind: 'young_person', age: null, roles: ['received'] },
    ],
    imagery: 'One photo of his penis; no sexual act.',
    otherAgencies: '',
    answers: { ...NO },
    answerNotes: { maliciousSharing: 'She sent it on without his permission; the facts do not say she meant harm.', immediateRisk: 'He has been bullied: a vulnerability to weigh, though nothing says he is at immediate risk.' },
    typology: { ...NO_AGGRAVATION, withoutPicturedConsent: true },
  },
];
