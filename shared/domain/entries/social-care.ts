import { z } from 'zod';
import { optionalText } from '../text';
import { aboutPeople, YES_NO_OR_UNKNOWN, YES_OR_NO } from './common';

export const SOCIAL_CARE_TARGETS = ['childrens-social-care', 'mash'] as const;
export const SOCIAL_CARE_TARGET_LABELS: Record<(typeof SOCIAL_CARE_TARGETS)[number], string> = {
  'childrens-social-care': 'Children’s social care',
  mash: 'Multi-Agency Safeguarding Hub (MASH)',
};

/** Section 2, "Children's social care contact and referrals". */
export const socialCareBody = z
  .object({
    about: aboutPeople,
    alreadyInvolved: z.enum(YES_NO_OR_UNKNOWN, { error: 'Say whether children’s social care are already involved' }),
    referralMade: z.enum(YES_OR_NO, { error: 'Say whether a referral was made' }),
    target: z.union([z.enum(SOCIAL_CARE_TARGETS), z.literal('')]).default(''),
    contact: optionalText(300),
    how: optionalText(300),
    reference: optionalText(80),
    outcome: optionalText(4000),
  })
  .refine((s) => s.referralMade === 'no' || s.target !== '', { path: ['target'], message: 'Say who the referral went to' })
  .refine((s) => s.referralMade === 'no' || s.contact !== '', { path: ['contact'], message: 'Enter who the referral was made to' });
export type SocialCareBody = z.output<typeof socialCareBody>;
