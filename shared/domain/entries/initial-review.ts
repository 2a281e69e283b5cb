import { z } from 'zod';
import { optionalText, requiredText } from '../text';
import type { InitialReviewInput, ReferralOutcome } from '../referral';
import { YES_NO_OR_UNKNOWN } from './common';

export const REFER_TO = ['police', 'social-care', 'mash'] as const;
export type ReferTo = (typeof REFER_TO)[number];
export const REFER_TO_LABELS: Record<ReferTo, string> = {
  police: 'The police',
  'social-care': 'Children’s social care',
  mash: 'The Multi-Agency Safeguarding Hub (MASH)',
};

export const DECISIONS = ['refer', 'manage-in-school'] as const;
export const DECISION_LABELS: Record<(typeof DECISIONS)[number], string> = {
  refer: 'Refer to the police and/or children’s social care',
  'manage-in-school': 'Manage the incident in school, without referring',
};

const point = (message: string) => z.enum(YES_NO_OR_UNKNOWN, { error: message });

/** The five points in section 2, each answered yes / no / not known with a note. */
const fivePoints = z.object({
  adultInvolved: point('Answer point 1: is an adult involved?'),
  coercionOrGrooming: point('Answer point 2: coercion, blackmail, grooming or concerns about capacity to consent?'),
  unusualOrViolent: point('Answer point 3: acts unusual for the developmental stage, or violent?'),
  sexualActs: point('Answer point 4: does the imagery involve sexual acts?'),
  immediateRisk: point('Answer point 5: is a young person at immediate risk of harm?'),
});

/** What section 2 says the initial review meeting should establish. */
export const REVIEW_CONSIDERATIONS = {
  immediateRisk: 'Whether there is an immediate risk to a young person or young people',
  viewingNeeded: 'Whether it is necessary to view the imagery to safeguard the young person (in most cases it should not be viewed)',
  furtherInformation: 'What further information is needed to decide on the best response',
  sharing: 'Whether the imagery has been shared widely, and on which services or platforms (this may be unknown)',
  deletion: 'Whether immediate action should be taken to delete or remove images from devices or online services',
  relevantFacts: 'Relevant facts about the young people which would influence the risk assessment',
  otherSettings: 'Whether another school, college, setting or individual needs to be contacted',
  parents: 'Whether to contact the parents or carers of the pupils involved (in most cases they should be involved)',
} as const;
export type ReviewConsideration = keyof typeof REVIEW_CONSIDERATIONS;

export const initialReviewBody = z
  .object({
    attendees: requiredText('Enter who attended the meeting', 1000),
    considerations: z.object({
      immediateRisk: optionalText(4000),
      viewingNeeded: optionalText(4000),
      furtherInformation: optionalText(4000),
      sharing: optionalText(4000),
      deletion: optionalText(4000),
      relevantFacts: optionalText(4000),
      otherSettings: optionalText(4000),
      parents: optionalText(4000),
    }),
    points: fivePoints,
    /**
     * Section 2's aggravating factor: "a young person sharing someone else's imagery without
     * consent and with malicious intent". Optional so that reviews signed before it was asked
     * stay valid (absent means it was not asked, read as 'no'); the form always sends it.
     */
    maliciousSharing: z.enum(YES_NO_OR_UNKNOWN, { error: 'Answer: did a young person share someone else’s imagery without consent and with malicious intent?' }).optional(),
    pointNotes: z.object({
      adultInvolved: optionalText(2000),
      coercionOrGrooming: optionalText(2000),
      unusualOrViolent: optionalText(2000),
      sexualActs: optionalText(2000),
      immediateRisk: optionalText(2000),
    }),
    decision: z.enum(DECISIONS, { error: 'Record the decision: refer, or manage in school' }),
    referTo: z.array(z.enum(REFER_TO)).max(REFER_TO.length, 'Choose each one once').default([]),
    reasons: requiredText('Record the reasons for the decision', 8000),
    /** Required when the five points say refer now but the school decides otherwise. */
    overrideReasons: optionalText(8000),
    /**
     * Section 2: "The decision should be reviewed throughout the process of responding to the
     * incident." When it is next to be reviewed; the dashboard chases it while the incident is
     * open. Optional with no default, so reviews signed before it was asked parse unchanged.
     */
    nextReviewBy: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a real date'), z.literal('')]).optional(),
  })
  .refine((b) => b.decision !== 'refer' || b.referTo.length > 0, { path: ['referTo'], message: 'Choose who the incident is referred to' });
export type InitialReviewBody = z.output<typeof initialReviewBody>;

/** The answers `assessImmediateReferral` reads from a review's body. */
export function reviewAnswers(body: Pick<InitialReviewBody, 'points' | 'maliciousSharing'>): InitialReviewInput['answers'] {
  return { ...body.points, ...(body.maliciousSharing ? { maliciousSharing: body.maliciousSharing } : {}) };
}

/** The outcomes that a decision to manage in school overrides: it needs its reasons and the headteacher's signature. */
export const OVERRIDDEN_OUTCOMES: readonly ReferralOutcome[] = ['refer-now', 'should-refer'];

const OVERRIDE_MESSAGES: Partial<Record<ReferralOutcome, { message: string; field: string }>> = {
  'refer-now': {
    message: 'The five points say this must be referred now.',
    field: 'The five points say refer now. To manage this in school instead, record why, explicitly; the headteacher must sign it',
  },
  'should-refer': {
    message: 'Malicious sharing is an aggravating factor: the guidance says it should generally be referred.',
    field: 'The guidance says an incident with malicious sharing should generally be referred. To manage this in school instead, record why, explicitly; the headteacher must sign it',
  },
};

/** Why a decision to manage in school cannot be saved as it stands, or null when it can. */
export function overrideMissing(outcome: ReferralOutcome, body: Pick<InitialReviewBody, 'decision' | 'overrideReasons'>): { message: string; field: string } | null {
  if (body.decision !== 'manage-in-school' || !OVERRIDDEN_OUTCOMES.includes(outcome) || body.overrideReasons !== '') return null;
  return OVERRIDE_MESSAGES[outcome] ?? null;
}
