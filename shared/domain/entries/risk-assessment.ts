import { z } from 'zod';
import { optionalText, requiredText } from '../text';
import { aboutPeople } from './common';

/** Annex A: each question, with the guidance's reason for asking it, shortened. */
export const RISK_QUESTIONS = {
  vulnerability: {
    question: 'Do you have any concerns about the young person’s vulnerability?',
    why: 'Being in care, having SEN or a disability, or having been a victim of abuse can make a young person more vulnerable. Wider concerns about their care and welfare point to a referral to children’s social care.',
  },
  whyShared: {
    question: 'Why was the imagery shared? Was it consensual, or was the young person put under pressure or coerced?',
    why: 'Young people pressured into sharing are more likely to suffer harm. Refer to the police if a young person was pressured or coerced, or if imagery is shared without consent and with malicious intent.',
  },
  sharedBeyond: {
    question: 'Has the imagery been shared beyond its intended recipient? Was it shared without the consent of the young person who made it?',
    why: 'Inform the police if it was shared with deliberate intent to harm, or used to bully or blackmail a pupil.',
  },
  sharedOnline: {
    question: 'Has the imagery been shared on social media or anywhere else online? If so, what has been done to contain it?',
    why: 'Support the young person to report it to the sites hosting it (Annex D). If that fails, ChildLine and the IWF can have it removed; report to NCA-CEOP if strangers who have seen it contact the young person.',
  },
  ages: {
    question: 'How old are the young people involved? Is there a significant age gap?',
    why: 'Under-13s cannot consent to sexual activity: imagery of sexual activity by under-13s goes to the police. An age gap can mean one felt under pressure.',
  },
  moreThanOne: {
    question: 'Did the young person send the image to more than one person?',
    why: 'Sharing with many people may point to other issues they need support with; consider a referral to children’s social care if there are wider concerns.',
  },
  understanding: {
    question: 'Does the young person understand the possible implications of sharing the image?',
    why: 'Exploring their understanding helps judge, for example, whether an image was passed on with deliberate intent to harm, and whether they understand consent.',
  },
  parentConcerns: {
    question: 'Are there additional concerns if the parents or carers are informed?',
    why: 'Parents should be told unless there is good reason to believe that would put the young person at risk. If you decide not to, record the reasons clearly.',
  },
} as const;
export type RiskQuestion = keyof typeof RISK_QUESTIONS;

/** Annex F: Wolak and Finkelhor's typology. */
export const TYPOLOGY = ['aggravated-adult', 'aggravated-youth-intent', 'aggravated-youth-reckless', 'experimental-romantic', 'experimental-attention', 'experimental-other'] as const;
export const TYPOLOGY_LABELS: Record<(typeof TYPOLOGY)[number], string> = {
  'aggravated-adult': 'Aggravated: adult involved',
  'aggravated-youth-intent': 'Aggravated: youth only, intent to harm',
  'aggravated-youth-reckless': 'Aggravated: youth only, reckless misuse',
  'experimental-romantic': 'Experimental: romantic',
  'experimental-attention': 'Experimental: attention seeking',
  'experimental-other': 'Experimental: other',
};

/** Annex B: Hackett's continuum, for younger children's behaviour. */
export const HACKETT = ['normal', 'inappropriate', 'problematic', 'abusive', 'violent'] as const;
export const HACKETT_LABELS: Record<(typeof HACKETT)[number], string> = {
  normal: 'Normal',
  inappropriate: 'Inappropriate',
  problematic: 'Problematic',
  abusive: 'Abusive',
  violent: 'Violent',
};

const answer = (key: RiskQuestion) => requiredText(`Answer: ${RISK_QUESTIONS[key].question}`, 4000);

export const riskAssessmentBody = z.object({
  about: aboutPeople,
  vulnerability: answer('vulnerability'),
  whyShared: answer('whyShared'),
  sharedBeyond: answer('sharedBeyond'),
  sharedOnline: answer('sharedOnline'),
  ages: answer('ages'),
  moreThanOne: answer('moreThanOne'),
  understanding: answer('understanding'),
  parentConcerns: answer('parentConcerns'),
  typology: z.union([z.enum(TYPOLOGY), z.literal('')]).default(''),
  hackett: z.union([z.enum(HACKETT), z.literal('')]).default(''),
  conclusion: optionalText(4000),
});
export type RiskAssessmentBody = z.output<typeof riskAssessmentBody>;
