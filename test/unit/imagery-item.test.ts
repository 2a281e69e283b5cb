// One image or video on an incident (issue 18 item 3): described in words, never stored.
// The body's messages are what the DSL sees, and its codes are kept in signed records.
import { describe, expect, it } from 'vitest';
import { imageryItemBody } from '../../shared/domain/entries/imagery-item';
import { definitionOf } from '../../shared/domain/entries/kinds';

const PHOTO = {
  about: [2],
  form: 'photo',
  nature: 'real',
  description: 'A semi-nude photo of Fictional Pupil A, taken by her and sent to Fictional Pupil B.',
};

function messages(body: Record<string, unknown>): Record<string, string> {
  const result = imageryItemBody.safeParse(body);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('an image or video on an incident', () => {
  it('accepts a described photo, leaving the optional answers blank', () => {
    expect(imageryItemBody.parse(PHOTO)).toEqual({ ...PHOTO, madeOn: '', madeOnNote: '', sharedHow: '' });
  });

  it('asks for what kind it is, whether it is real, and a description, each in its own words', () => {
    expect(messages({})).toEqual({
      form: 'Say whether it is a photo, a video or a live stream',
      nature: 'Say whether it is real, AI-generated or digitally altered',
      description: 'Describe the image or video without explicit detail',
    });
  });

  it('refuses a description of only spaces', () => {
    expect(messages({ ...PHOTO, description: '   ' })).toEqual({ description: 'Describe the image or video without explicit detail' });
  });

  it('stores live streams and AI-generated or altered images with kebab-case codes (decision 0021)', () => {
    expect(imageryItemBody.parse({ ...PHOTO, form: 'live-stream', nature: 'ai-generated' })).toMatchObject({ form: 'live-stream', nature: 'ai-generated' });
    expect(imageryItemBody.parse({ ...PHOTO, form: 'not-known', nature: 'altered' })).toMatchObject({ form: 'not-known', nature: 'altered' });
    expect(messages({ ...PHOTO, form: 'live_stream' })).toHaveProperty('form');
    expect(messages({ ...PHOTO, nature: 'AI' })).toHaveProperty('nature');
  });

  it('refuses a date that is not a real date, and keeps what is known when there is none', () => {
    expect(messages({ ...PHOTO, madeOn: '12/03/2026' })).toEqual({ madeOn: 'Enter a real date' });
    expect(imageryItemBody.parse({ ...PHOTO, madeOnNote: 'Before she turned 13' }).madeOnNote).toBe('Before she turned 13');
  });

  it('sums itself up in a line for the chronology, without the imagery', () => {
    const summary = definitionOf('imagery-item').summary(imageryItemBody.parse({ ...PHOTO, nature: 'ai-generated' }));
    expect(summary).toBe('Photo (AI-generated): A semi-nude photo of Fictional Pupil A, taken by her and sent to Fictional Pupil B.');
    expect(definitionOf('imagery-item').requiredSignatures(imageryItemBody.parse(PHOTO))).toEqual([]);
  });
});
