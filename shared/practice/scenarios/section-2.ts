import type { Scenario } from './types';

const NO = { adultInvolved: 'no', coercionOrGrooming: 'no', unusualOrViolent: 'no', sexualActs: 'no', immediateRisk: 'no', maliciousSharing: 'no' } as const;

/** Section 2's two worked cases, retold. */
export const SECTION_2_SCENARIOS: Scenario[] = [
  {
    id: 'case-study-a',
    name: 'Case study A',
    group: 'section-2',
    citation: 'UKCCIS 2016, section 2, case study A (children and young people aged 13–18)',
    retelling:
      'Two 15-year-olds have been going out for about a month. He asked her for a "sexy" picture and she sent him one topless photo. Worried he might pass it on, she told her friends, who told their form tutor, who told you. Nothing suggests it has gone further.',
    people: [
      { label: 'Girl, 15 (pictured; made and sent the photo)', kind: 'young_person', age: 15, yearGroup: 'Year 10 or 11', roles: ['pictured', 'made', 'sent'] },
      { label: 'Boy, 15 (asked for it; received and holds it)', kind: 'young_person', age: 15, yearGroup: 'Year 10 or 11', roles: ['requested', 'received', 'holds'] },
    ],
    imagery: 'One topless photo; no sexual act.',
    otherAgencies: '',
    answers: { ...NO },
    answerNotes: { coercionOrGrooming: 'He asked, within a relationship; nothing in the facts suggests pressure, blackmail or a concern about capacity to consent.' },
    typology: { adultOffender: false, intentToHarm: false, withoutPicturedConsent: false, romantic: true, sentOrPosted: true },
  },
  {
    id: 'case-study-b',
    name: 'Case study B',
    group: 'section-2',
    citation: 'UKCCIS 2016, section 2, case study B (children aged under 13)',
    retelling:
      'A teacher finds a photo of an 11-year-old boy\'s bare bottom on a school tablet. He says two classmates dared him to take it while the three of them had the tablet at lunchtime. There are no other concerns about the children or their families.',
    people: [
      { label: 'Boy, 11 (pictured; made it)', kind: 'young_person', age: 11, yearGroup: 'Year 6', roles: ['pictured', 'made'] },
      { label: 'Two classmates (dared him)', kind: 'young_person', age: null, yearGroup: 'Year 6', roles: ['requested'] },
    ],
    imagery: 'One photo of his bottom, taken on a dare; no sexual act.',
    otherAgencies: '',
    answers: { ...NO },
    answerNotes: { sexualActs: 'He is under 13, but a photo of his bottom is not a sexual act, so point 4 is not met.' },
    typology: { adultOffender: false, intentToHarm: false, withoutPicturedConsent: false, romantic: false, sentOrPosted: false },
  },
];
