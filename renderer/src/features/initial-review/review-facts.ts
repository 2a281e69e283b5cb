import { formatDate } from '../../../../shared/domain/dates';
import { PERSON_ROLE_LABELS } from '../../../../shared/domain/incidents';
import { pupilFullName, SOCIAL_CARE_LABELS } from '../../../../shared/domain/pupils';
import { ageAtImagery, countsForPointOne, knownAdult, UNDER_AGE, type PersonForReview } from '../../../../shared/domain/referral';
import { earliestImageOf, imageryOfEntries, peopleForReview, type ImageryFacts } from '../../../../shared/domain/review-people';
import type { IncidentDetail } from '../../../../shared/ipc/contract';

/** One row of "who is involved" at the review: what the five points make of each person. */
export type PersonAtReview = {
  id: number;
  name: string;
  part: string;
  age: string;
  pointOne: string;
  /** SEN and children's social care, for point 2 (capacity to consent, coercion); pupils only. */
  background: string | null;
  under13: boolean;
};

/** The images and videos recorded on the incident, as the five points read them (latest versions only). */
export function imageryOfDetail(detail: IncidentDetail): ImageryFacts[] {
  return imageryOfEntries(detail.entries.filter((entry) => entry.latest));
}

function ageWords(person: PersonForReview, imageryDate: string, imageOn: string): string {
  const age = ageAtImagery(person, imageryDate);
  if (age !== null && imageOn !== '' && person.dateOfBirth === undefined) return `${age} (in an image made on ${formatDate(imageOn)})`;
  if (age !== null) return imageryDate === '' ? `Under 13 (${age} when the school found out)` : String(age);
  return knownAdult(person, imageryDate) ? 'Known to be an adult' : 'Not known';
}

function pointOneWords(person: PersonForReview, imageryDate: string, isPupil: boolean): string {
  if (countsForPointOne(person, imageryDate)) return 'Yes: an adult is involved';
  if (knownAdult(person, imageryDate)) return 'No: an adult who only reported it';
  // An online account or someone whose age is not known may be an adult: the DSL's answer decides.
  if (!isPupil && ageAtImagery(person, imageryDate) === null) return 'Not known: your answer to point 1 decides';
  return 'No';
}

function background(pupil: NonNullable<IncidentDetail['people'][number]['pupil']>): string {
  const sen = pupil.sen ? `SEN or disability${pupil.senDetails ? `: ${pupil.senDetails}` : ''}` : 'No SEN recorded';
  return `${sen}. ${SOCIAL_CARE_LABELS[pupil.socialCare]}${pupil.lookedAfter ? '; looked after' : ''}.`;
}

/** Each person on the incident as the review sees them, in the order they were added. */
export function peopleAtReview(detail: IncidentDetail): PersonAtReview[] {
  const { imageryDate } = detail.incident;
  const imagery = imageryOfDetail(detail);
  const reviewed = peopleForReview(detail.people, detail.incident, imagery);
  return detail.people.map((person, i) => {
    const seen = reviewed[i] ?? { inImagery: false };
    const age = ageAtImagery(seen, imageryDate);
    return {
      id: person.id,
      name: person.pupil ? pupilFullName(person.pupil) : (person.other?.name ?? 'Someone'),
      part: person.roles.map((role) => PERSON_ROLE_LABELS[role]).join('; '),
      age: ageWords(seen, imageryDate, person.pupil || person.other?.dateOfBirth ? earliestImageOf(person.id, imagery) : ''),
      pointOne: pointOneWords(seen, imageryDate, person.pupil !== null),
      background: person.pupil ? background(person.pupil) : null,
      under13: age !== null && age < UNDER_AGE,
    };
  });
}

/** How ages were decided, in the review's words: at the imagery's date, or what is certain without it. */
export function ageBasis(detail: IncidentDetail): string {
  const { imageryDate, cameToAttentionOn } = detail.incident;
  if (imageryDate !== '') return `Ages are worked out at the date the imagery was made, ${formatDate(imageryDate)}.`;
  return `The date the imagery was made is not known, so a child counts as under 13 only if they were under 13 when the school found out (${formatDate(cameToAttentionOn)}); anyone older may have been younger when it was made, so their age is left as not known and point 4 is not ruled out by it. Whether an adult was involved then follows your answer to point 1.`;
}
