import { z } from 'zod';
import { optionalText, requiredText } from '../text';
import { aboutPeople, optionalDate } from './common';

/**
 * One image or video on an incident, described and never held: the app stores no imagery
 * (section 2, "Viewing the imagery"). An incident can hold several, each with its own people
 * pictured (Annex F case 5: two girls share each other's photos).
 */
export const IMAGERY_FORMS = ['photo', 'video', 'live-stream', 'not-known'] as const;
export const IMAGERY_FORM_LABELS: Record<(typeof IMAGERY_FORMS)[number], string> = {
  photo: 'Photo',
  video: 'Video',
  'live-stream': 'Live stream',
  'not-known': 'Not known',
};

/** Decision 0021: the current advice covers digitally manipulated and AI-generated nudes as well as real ones. */
export const IMAGERY_NATURES = ['real', 'ai-generated', 'altered', 'not-known'] as const;
export const IMAGERY_NATURE_LABELS: Record<(typeof IMAGERY_NATURES)[number], string> = {
  real: 'Real',
  'ai-generated': 'AI-generated',
  altered: 'Digitally altered',
  'not-known': 'Not known',
};

export const imageryItemBody = z.object({
  about: aboutPeople,
  form: z.enum(IMAGERY_FORMS, { error: 'Say whether it is a photo, a video or a live stream' }),
  nature: z.enum(IMAGERY_NATURES, { error: 'Say whether it is real, AI-generated or digitally altered' }),
  madeOn: optionalDate,
  madeOnNote: optionalText(300),
  description: requiredText('Describe the image or video without explicit detail', 1000),
  sharedHow: optionalText(1000),
});
export type ImageryItemBody = z.output<typeof imageryItemBody>;
