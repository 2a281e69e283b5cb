import type { IncidentDetail } from '../../../../shared/ipc/contract';
import { ageBasis, peopleAtReview } from './review-facts';

/**
 * Who is involved, as the five points see them: each person's part, age and whether they
 * count for point 1, with each pupil's SEN and social-care history beside point 2, and the
 * prompt to follow local under-13 procedures (Annex B) when a child under 13 is involved.
 */
export function PeopleAtReview({ detail }: { detail: IncidentDetail }) {
  const people = peopleAtReview(detail);
  if (people.length === 0) return null;
  return (
    <>
      <table className="inset" aria-label="Who is involved">
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Their part</th>
            <th scope="col">Age when the imagery was made</th>
            <th scope="col">Counts for point 1</th>
            <th scope="col">SEN and children’s social care (point 2)</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id}>
              <th scope="row">{person.name}</th>
              <td>{person.part}</td>
              <td>{person.age}</td>
              <td>{person.pointOne}</td>
              <td>{person.background ?? 'No pupil record here to show'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{ageBasis(detail)}</p>
      {people.some((p) => p.under13) ? (
        <p className="warning-text" role="note" aria-label="Under 13">
          A child under 13 is involved. Follow your local safeguarding procedures for children under 13 (UKCCIS 2016, Annex B): sexual activity
          with a child under 13 is always a concern, and the local safeguarding children board’s guidance on underage sexual
          activity should inform the decision.
        </p>
      ) : null}
    </>
  );
}
