import { SOCIAL_CARE_TARGET_LABELS, SOCIAL_CARE_TARGETS } from '../../domain/entries/social-care';
import { ABOUT_FIELD, choices, when, YES_NO_OPTIONS, YES_NO_UNKNOWN_OPTIONS, type FormSpec } from '../field-spec';

/** Section 2, "Children's social care contact and referrals". */
export const socialCareSpec: FormSpec = [
  { fields: [ABOUT_FIELD] },
  {
    fields: [
      {
        name: 'alreadyInvolved',
        label: 'Are children’s social care involved with the young person now, or have they been before?',
        hint: 'If they are involved now, may be involved, or were involved in the past, contact them.',
        type: 'radio',
        options: YES_NO_UNKNOWN_OPTIONS,
      },
      {
        name: 'referralMade',
        label: 'Was a referral made?',
        hint: 'Refer, in line with your child protection procedures, when there are wider issues that meet the threshold for children’s social care. If your area has a MASH, it may be the first point of contact.',
        type: 'radio',
        options: YES_NO_OPTIONS,
      },
      {
        name: 'target',
        label: 'Who was the referral made to?',
        type: 'radio',
        options: choices(SOCIAL_CARE_TARGETS, SOCIAL_CARE_TARGET_LABELS),
        showIf: when('referralMade', 'yes'),
      },
    ],
  },
  {
    heading: 'Contact',
    fields: [
      { name: 'contact', label: 'Who did you speak to?', hint: 'Name and role. Needed when a referral was made.', type: 'text' },
      { name: 'how', label: 'How (optional)', hint: 'For example by phone, or the local online referral form.', type: 'text' },
      { name: 'reference', label: 'Reference number (optional)', type: 'text' },
      { name: 'outcome', label: 'Outcome (optional)', hint: 'For example a strategy discussion, an assessment, or no further action.', type: 'textarea' },
    ],
  },
];
