// Who can be on an incident besides a pupil: each kind's required fields, with the message a
// DSL sees, and how each is described and counted for the five points. The people come from
// the guidance's Annex F case studies (UKCCIS 2016, Resource Sheet 2).
import { describe, expect, it } from 'vitest';
import { otherPersonDescription, otherPersonInput, PERSON_ROLE_LABELS, roleSet, type OtherPersonInput } from '../../shared/domain/incidents';
import { personFacts } from '../../shared/domain/review-people';

type Typed = Partial<Record<keyof OtherPersonInput, unknown>>;

function messages(input: Typed): Record<string, string> {
  const result = otherPersonInput.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('a young person from another school or setting', () => {
  // Case 6: "a boy from another school had already downloaded it".
  it('needs the school or setting, and takes “not known”', () => {
    expect(messages({ kind: 'young_person', name: 'A boy from another school', setting: '' })).toEqual({
      setting: 'Enter the school or setting they attend, or “not known”',
    });
    expect(otherPersonInput.parse({ kind: 'young_person', name: 'A boy from another school', setting: 'not known' })).toMatchObject({ setting: 'not known', groupSize: null });
    expect(otherPersonInput.parse({ kind: 'young_person', name: 'Rowan Pennyfeather', age: 15, setting: 'Larkspur College' }).age).toBe(15);
  });

  it('is described with the setting', () => {
    const person = otherPersonInput.parse({ kind: 'young_person', name: 'Rowan Pennyfeather', setting: 'Larkspur College' });
    expect(otherPersonDescription(person)).toBe('Young person from another school or setting: Larkspur College');
    expect(otherPersonDescription({ ...person, setting: 'Not known' })).toBe('Young person from another school or setting: not known');
  });
});

describe('an online account whose age is not known', () => {
  it('is a username and, if known, the service; it has no age or date of birth', () => {
    const account = otherPersonInput.parse({ kind: 'online-account', name: '@sunny.days.09', setting: 'Snapchat' });
    expect(account).toMatchObject({ kind: 'online-account', age: null, dateOfBirth: '', groupSize: null });
    expect(otherPersonDescription(account)).toBe('Online account, age not known, on Snapchat');
    const ageMessage = 'An online account or a group has no age of its own: if you know the age, add them as a young person or an adult';
    expect(messages({ kind: 'online-account', name: '@sunny.days.09', age: 37 })).toEqual({ age: ageMessage });
    expect(messages({ kind: 'online-account', name: '@sunny.days.09', dateOfBirth: '1989-04-01' })).toEqual({ age: ageMessage });
  });

  it('needs a username or a description', () => {
    expect(messages({ kind: 'online-account', name: '  ' })).toEqual({ name: 'Enter the name, the username or a description (for example “unknown account holder”)' });
  });

  it('is no known adult and has no age for the five points, however it was typed', () => {
    const account = { roles: ['requested' as const], pupil: null, other: { kind: 'online-account' as const, age: null, dateOfBirth: '' } };
    expect(personFacts(account)).toEqual({ roles: ['requested'], pupil: null, other: null });
  });
});

describe('a group', () => {
  // Case 3: "By then over 200 students had received the picture."
  it('is a description and an approximate number of people', () => {
    const group = otherPersonInput.parse({ kind: 'group', name: 'Pupils of this school who were sent the photo', groupSize: 200 });
    expect(otherPersonDescription(group)).toBe('Group of about 200 people');
    expect(personFacts({ roles: ['received'], pupil: null, other: { ...group } })).toEqual({ roles: ['received'], pupil: null, other: null });
  });

  it('needs its number, of 2 or more, and no age', () => {
    expect(messages({ kind: 'group', name: 'A Year 9 group chat' })).toEqual({ groupSize: 'Enter about how many people are in the group' });
    expect(messages({ kind: 'group', name: 'A Year 9 group chat', groupSize: 1 })).toEqual({
      groupSize: 'Enter about how many people are in the group, as a whole number of 2 or more',
    });
    expect(messages({ kind: 'group', name: 'A Year 9 group chat', groupSize: 30, age: 14 })).toHaveProperty('age');
  });

  it('is the only kind with a number of people', () => {
    expect(messages({ kind: 'adult', name: 'A coach', relationship: 'Coaches the team', groupSize: 4 })).toEqual({ groupSize: 'Only a group has a number of people' });
  });
});

describe('an adult', () => {
  // Case 4: "a 37 year old man she met online".
  it('still needs how they know the young people, and counts as an adult for the five points', () => {
    expect(messages({ kind: 'adult', name: 'A man she met online', age: 37 })).toEqual({ relationship: 'Say how the adult is related to or knows the young people' });
    const adult = otherPersonInput.parse({ kind: 'adult', name: 'A man she met online', age: 37, relationship: 'Met her online' });
    expect(otherPersonDescription(adult)).toBe('Adult: Met her online');
    expect(personFacts({ roles: ['requested', 'received'], pupil: null, other: adult }).other).toEqual({ kind: 'adult', age: 37, dateOfBirth: '' });
  });
});

describe('roles', () => {
  // Section 2, point 2 ("coerced, blackmailed or groomed"); case 6's blackmail for more pictures.
  it('include asking for or pressuring someone to send it', () => {
    expect(PERSON_ROLE_LABELS.requested).toBe('Asked for or pressured someone to send it');
    expect(roleSet.parse(['requested', 'received'])).toEqual(['requested', 'received']);
  });

  it('record a parent who only told the school as “Reported it” alone', () => {
    // Cases 2, 4, 6 and 15 begin with a parent or grandparent: the five points read a person
    // whose only role is this one as someone who only reported it.
    expect(roleSet.parse(['reported'])).toEqual(['reported']);
    expect(PERSON_ROLE_LABELS.reported).toBe('Reported it');
  });
});
