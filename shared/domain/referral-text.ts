import type { Trigger } from './referral';

/** The five points in the guidance's words, shortened, for forms, details and printouts. */
export const TRIGGER_TEXT: Record<Trigger, { number: number; question: string; met: string }> = {
  'adult-involved': {
    number: 1,
    question: 'Does the incident involve an adult?',
    met: 'An adult is involved.',
  },
  'coercion-or-grooming': {
    number: 2,
    question:
      'Is there reason to believe a young person has been coerced, blackmailed or groomed, or are there concerns about their capacity to consent (for example owing to special educational needs)?',
    met: 'There is reason to believe a young person has been coerced, blackmailed or groomed, or there are concerns about their capacity to consent.',
  },
  'unusual-or-violent': {
    number: 3,
    question: 'Does what you know about the imagery suggest sexual acts unusual for the young person’s developmental stage, or violence?',
    met: 'The imagery as described shows acts unusual for the developmental stage, or violence.',
  },
  'under-13-sexual-acts': {
    number: 4,
    question: 'Does the imagery involve sexual acts? (Point 4 is met if it does and anyone pictured is under 13; ages are worked out from dates of birth, or from ages where only an age is known.)',
    met: 'The imagery involves sexual acts and someone pictured is under 13.',
  },
  'immediate-risk': {
    number: 5,
    question: 'Is there reason to believe a pupil is at immediate risk of harm because of the sharing, for example presenting as suicidal or self-harming?',
    met: 'A young person is at immediate risk of harm.',
  },
};

/** Which answer field of the initial review each point reads. */
export const TRIGGER_ANSWER_FIELD = {
  'adult-involved': 'adultInvolved',
  'coercion-or-grooming': 'coercionOrGrooming',
  'unusual-or-violent': 'unusualOrViolent',
  'under-13-sexual-acts': 'sexualActs',
  'immediate-risk': 'immediateRisk',
} as const satisfies Record<Trigger, string>;

/** Section 2's aggravating factor, asked after the five points. */
export const MALICIOUS_SHARING_QUESTION = {
  question: 'Has a young person shared someone else’s imagery without consent and with malicious intent?',
  hint: 'UKCCIS 2016, section 2: “any incidents with aggravating factors, for example, a young person sharing someone else’s imagery without consent and with malicious intent, should generally be referred to police and/or children’s social care”. For example to harm, humiliate or get even after a break-up or a falling-out.',
  missing: 'Answer: has a young person shared someone else’s imagery without consent and with malicious intent?',
  met: 'A young person shared someone else’s imagery without consent and with malicious intent (an aggravating factor, UKCCIS 2016, section 2).',
} as const;
