/**
 * UKCCIS 2016, Annex F, Resource Sheet 1: the typology of incidents, "adapted from Wolak and
 * Finkelhor 'Sexting: a Typology' March 2011". Pure: it names the category a set of facts
 * suggests and why, in the sheet's words. The advice gives no key to its case studies beyond
 * the trainer's grouping, so this is what the facts suggest, never a verdict.
 */

export type TypologyCategory =
  | 'aggravated-adult'
  | 'aggravated-intent-to-harm'
  | 'aggravated-reckless-misuse'
  | 'experimental-romantic'
  | 'experimental-attention-seeking'
  | 'experimental-other';

/** The facts Resource Sheet 1 distinguishes by, each as the sheet describes it. */
export type TypologyFacts = {
  /** An adult sought, groomed for or solicited the imagery, or took part in sending it (not one who only reported it). */
  adultOffender: boolean;
  /** Interpersonal conflict (a break-up, a falling-out), blackmail, threats or deception, or sexual abuse or exploitation by young people. */
  intentToHarm: boolean;
  /** Taken or sent without the knowing or willing participation of the young person pictured. */
  withoutPicturedConsent: boolean;
  /** Young people in an ongoing relationship made it for themselves or each other. */
  romantic: boolean;
  /** Sent or shown to anyone, or posted online (not kept by the person who made it). */
  sentOrPosted: boolean;
};

export type TypologySuggestion = { category: TypologyCategory; why: string };

/** The sheet's headings, and each one's description in its own words (shortened). */
export const TYPOLOGY_WORDS: Record<TypologyCategory, { name: string; sheet: string }> = {
  'aggravated-adult': {
    name: 'Aggravated: adult involved',
    sheet: 'Adult offenders attempt to develop relationships by grooming teenagers … The youth-produced sexual images may be solicited by adult offenders.',
  },
  'aggravated-intent-to-harm': {
    name: 'Aggravated: youth only, intent to harm',
    sheet: 'Cases that arise from interpersonal conflict such as break-ups and fights among friends, involve criminal or abusive conduct such as blackmail, threats or deception, or involve sexual abuse or exploitation by young people.',
  },
  'aggravated-reckless-misuse': {
    name: 'Aggravated: youth only, reckless misuse',
    sheet: 'No intent to harm but images are taken or sent without the knowing or willing participation of the young person who is pictured.',
  },
  'experimental-romantic': {
    name: 'Experimental: romantic',
    sheet: 'Young people in ongoing relationships make images for themselves or each other, and images were not intended to be distributed beyond the pair.',
  },
  'experimental-attention-seeking': {
    name: 'Experimental: sexual attention seeking',
    sheet: 'Images are made and sent between or among young people who were not known to be romantic partners, or one young person takes pictures and sends them to many others or posts them online.',
  },
  'experimental-other': {
    name: 'Experimental: other',
    sheet: 'No aggravating elements, but not romantic or attention seeking: young people who take pictures of themselves for themselves, or pre-adolescent children who did not appear to have sexual motives.',
  },
};

export const TYPOLOGY_CITATION = 'UKCCIS 2016, Annex F, Resource Sheet 1 (adapted from Wolak and Finkelhor, 2011)';

/**
 * The sheet's order: aggravated elements first (an adult, then intent to harm, then reckless
 * misuse), since "experimental" means none of them; then a relationship, then sending.
 * A romantic pair whose image is later shared to get even is intent to harm (case study 3).
 */
export function suggestTypology(facts: TypologyFacts): TypologySuggestion {
  if (facts.adultOffender) return { category: 'aggravated-adult', why: 'An adult sought or took part in the imagery, beyond reporting it.' };
  if (facts.intentToHarm) return { category: 'aggravated-intent-to-harm', why: 'Young people only, with conflict, blackmail, threats or deception, or abuse by a young person.' };
  if (facts.withoutPicturedConsent)
    return { category: 'aggravated-reckless-misuse', why: 'No intent to harm, but it was taken or sent without the pictured young person knowing or agreeing.' };
  if (facts.romantic) return { category: 'experimental-romantic', why: 'Young people in a relationship made it for each other, with no aggravating element.' };
  if (facts.sentOrPosted)
    return { category: 'experimental-attention-seeking', why: 'Sent or posted beyond a relationship, with no adult, no intent to harm and no reckless misuse.' };
  return { category: 'experimental-other', why: 'Made and kept, not sent, with no aggravating element and no relationship.' };
}
