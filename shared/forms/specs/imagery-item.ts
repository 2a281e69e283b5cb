import { IMAGERY_FORM_LABELS, IMAGERY_FORMS, IMAGERY_NATURE_LABELS, IMAGERY_NATURES } from '../../domain/entries/imagery-item';
import { ABOUT_FIELD, choices, type FormSpec } from '../field-spec';

/** One image or video, described in words: who is pictured, what kind, when made. */
export const imageryItemSpec: FormSpec = [
  {
    note: 'Record one image or video at a time. This app never stores the imagery itself: describe it here, and do not copy, print or attach it.',
    fields: [
      {
        ...ABOUT_FIELD,
        label: 'Who is pictured?',
        hint: 'Tick each person on this incident who appears in it, including someone whose likeness was used in an AI-generated or altered image.',
      },
    ],
  },
  {
    fields: [
      { name: 'form', label: 'Is it a photo, a video or a live stream?', type: 'radio', options: choices(IMAGERY_FORMS, IMAGERY_FORM_LABELS) },
      {
        name: 'nature',
        label: 'Is it real, AI-generated or digitally altered?',
        hint: 'The current advice covers digitally manipulated and AI-generated nudes and semi-nudes as well as real ones. Say “not known” rather than guess.',
        type: 'radio',
        options: choices(IMAGERY_NATURES, IMAGERY_NATURE_LABELS),
      },
      { name: 'madeOn', label: 'When was it made? (optional)', type: 'date' },
      { name: 'madeOnNote', label: 'If the date is not known, what is known (optional)', hint: 'For example “during the summer holidays” or “before she turned 13”.', type: 'text' },
      {
        name: 'description',
        label: 'Short description',
        hint: 'Describe it as you would in a referral: who, what kind of image, never explicit detail.',
        type: 'textarea',
      },
      { name: 'sharedHow', label: 'How was it shared? (optional)', hint: 'For example which app, and with whom.', type: 'textarea' },
    ],
  },
];
