import type { OtherPersonKind } from '../../../../shared/domain/incidents';

type Question = { label: string; hint?: string };

/** What the add-someone panel asks for each kind of person, in the words it asks it. */
export const KIND_QUESTIONS: Record<
  OtherPersonKind,
  { hint?: string; name: Question; age: boolean; setting?: Question; relationship: boolean; groupSize?: Question; note?: string }
> = {
  young_person: {
    name: { label: 'Name', hint: 'Or a description if the name is not known, for example “a Year 10 boy at Larkspur College”.' },
    age: true,
    setting: { label: 'Which school, college or setting they attend', hint: 'If you do not know, type “not known”.' },
    relationship: false,
  },
  adult: {
    name: { label: 'Name', hint: 'Or a description if the name is not known, for example “unknown account holder”.' },
    age: true,
    relationship: true,
    note: 'An adult is involved. The advice says this needs an immediate referral to the police and/or children’s social care.',
  },
  'online-account': {
    hint: 'For example a username that sent or asked for images, when no one knows who is behind it.',
    name: { label: 'Username or handle', hint: 'As the account shows it, for example “@sunny.days.09”.' },
    age: false,
    setting: { label: 'Service or app (if known)', hint: 'For example Snapchat or Instagram.' },
    relationship: false,
    note: 'No one knows this account’s age, so it does not by itself meet point 1 (an adult involved). If you believe an adult is behind it, say so in the initial review.',
  },
  group: {
    hint: 'For example “about 100 pupils of this school” or “a Year 9 group chat”.',
    name: { label: 'Description of the group', hint: 'For example “pupils of this school who were sent the photo” or “a Year 9 group chat”.' },
    age: false,
    relationship: false,
    groupSize: { label: 'About how many people are in it?', hint: 'Your best estimate, for example 100.' },
  },
};
