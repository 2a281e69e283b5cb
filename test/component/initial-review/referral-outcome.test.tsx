import { screen, within } from '@testing-library/react';
import { aPerson, type Person } from '../support/user';
import { describe, expect, it } from 'vitest';
import { InitialReviewPage } from '../../../renderer/src/features/initial-review/InitialReviewPage';
import { AYESHA, BEN, INCIDENT_ID, incidentDetail, otherOnIncident, pupilOnIncident } from '../support/fixtures';
import { renderWithApp } from '../support/render-with-app';


type Answer = 'Yes' | 'No' | 'Not known';

/** Cara is pictured and was 12 on the day the imagery was made (1 November 2026). */
/** Dev turned 13 on 1 October 2026, a month before the school found out (2 November 2026). */
const THIRTEEN = pupilOnIncident({ id: 14, firstName: 'Dev', lastName: 'Example', dateOfBirth: '2013-10-01', yearGroup: '8', roles: ['pictured'], ageOnImageryDate: 13 });

const CARA = pupilOnIncident({ id: 13, firstName: 'Cara', lastName: 'Example', dateOfBirth: '2014-05-20', yearGroup: '8', roles: ['pictured'], ageOnImageryDate: 12 });

async function openInitialReview(people = [AYESHA, BEN]) {
  renderWithApp(<InitialReviewPage />, {
    route: 'incidents/:incidentId/initial-review/new',
    at: `/incidents/${INCIDENT_ID}/initial-review/new`,
    api: { 'incidents.get': incidentDetail({ people }) },
  });
  await screen.findByRole('button', { name: 'Save initial review' });
}

/** Answers point `n` of the five, as the DSL does in the meeting. */
async function answerPoint(user: Person, n: number, answer: Answer) {
  const point = screen.getByRole('group', { name: new RegExp(`^${n}\\. `) });
  await user.click(within(point).getByRole('radio', { name: answer }));
}

/** Answers the malicious-sharing question (section 2's aggravating factor). */
async function answerMalicious(user: Person, answer: Answer) {
  const question = screen.getByRole('group', { name: /shared someone else’s imagery without consent and with malicious intent/ });
  await user.click(within(question).getByRole('radio', { name: answer }));
}

/** The five points and the malicious-sharing question, all answered alike. */
async function answerAll(user: Person, answer: Answer) {
  for (const n of [1, 2, 3, 4, 5]) await answerPoint(user, n, answer);
  await answerMalicious(user, answer);
}

/** The row for `name` in the "Who is involved" table, as its cells' text. */
function personRow(name: string): string[] {
  const table = screen.getByRole('table', { name: 'Who is involved' });
  const row = within(table).getByRole('rowheader', { name }).closest('tr');
  return row ? Array.from(row.children).map((cell) => cell.textContent ?? '') : [];
}

/** The outcome panel, as a screen reader hears it: a polite live region. */
function outcome(): HTMLElement {
  const panel = screen.getByRole('status');
  expect(panel.getAttribute('aria-live')).toBe('polite');
  return panel;
}

function verdict(): string {
  return within(outcome()).getByRole('heading').textContent ?? '';
}

describe('the five points’ outcome, worked out as the DSL answers', () => {
  it('before anything is answered, says the points are not yet ruled out and names them', async () => {
    await openInitialReview();
    expect(verdict()).toBe('If in doubt, refer');
    const open = within(outcome()).getAllByRole('listitem').map((li) => li.textContent);
    // Point 4 is already ruled out: everyone pictured is known to be 13 or over.
    expect(open).toEqual([
      'Point 1: Does the incident involve an adult?',
      expect.stringMatching(/^Point 2: Is there reason to believe a young person has been coerced/),
      expect.stringMatching(/^Point 3: Does what you know about the imagery suggest/),
      expect.stringMatching(/^Point 5: Is there reason to believe a pupil is at immediate risk/),
    ]);
  });

  it('all five answered no: the school may manage it in school', async () => {
    const user = aPerson();
    await openInitialReview();
    await answerAll(user, 'No');
    expect(verdict()).toBe('The school may manage this in school');
  });

  it('any one point answered yes: refer now, naming the point; answered no again, the school may manage it', async () => {
    const user = aPerson();
    await openInitialReview();
    await answerAll(user, 'No');

    await answerPoint(user, 3, 'Yes');
    expect(verdict()).toBe('Refer now to the police and/or children’s social care');
    expect(within(outcome()).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Point 3: The imagery as described shows acts unusual for the developmental stage, or violence.',
    ]);

    await answerPoint(user, 3, 'No');
    expect(verdict()).toBe('The school may manage this in school');
  });

  it('one point not known, the rest no: if in doubt, refer, naming that point', async () => {
    const user = aPerson();
    await openInitialReview();
    await answerAll(user, 'No');
    await answerPoint(user, 5, 'Not known');
    expect(verdict()).toBe('If in doubt, refer');
    expect(within(outcome()).getAllByRole('listitem').map((li) => li.textContent)).toEqual([expect.stringMatching(/^Point 5: /)]);
  });

  it('a yes outweighs a not known', async () => {
    const user = aPerson();
    await openInitialReview();
    await answerPoint(user, 2, 'Yes');
    expect(verdict()).toBe('Refer now to the police and/or children’s social care');
  });
});

describe('point 4 and the ages of those pictured', () => {
  it('shows that a pictured pupil was under 13, from their date of birth, and prompts the local under-13 procedures', async () => {
    await openInitialReview([CARA, BEN]);
    expect(personRow('Cara Example')).toEqual(['Cara Example', 'Pictured in the imagery', '12', 'No', 'No SEN recorded. Not known to children’s social care.']);
    expect(personRow('Ben Sample')[2]).toBe('16');
    expect(screen.getByLabelText('Under 13').textContent).toContain('Annex B');
  });

  it('with everyone 13 or over, there is no under-13 prompt', async () => {
    await openInitialReview([AYESHA, BEN]);
    expect(screen.queryByLabelText('Under 13')).toBeNull();
  });

  it('the imagery’s date not known: a pupil 13 when the school found out is not taken to have been 13 when it was made', async () => {
    const user = aPerson();
    renderWithApp(<InitialReviewPage />, {
      route: 'incidents/:incidentId/initial-review/new',
      at: `/incidents/${INCIDENT_ID}/initial-review/new`,
      api: { 'incidents.get': incidentDetail({ incident: { ...incidentDetail().incident, imageryDate: '' }, people: [THIRTEEN, BEN] }) },
    });
    await screen.findByRole('button', { name: 'Save initial review' });
    expect(screen.getByText(/The date the imagery was made is not known, so a child counts as under 13 only if/)).toBeTruthy();
    expect(personRow('Dev Example')[2]).toBe('Not known');
    await answerAll(user, 'No');
    await answerPoint(user, 4, 'Yes');
    // Sexual acts, and Dev may have been 12 when it was made: if in doubt, refer.
    expect(verdict()).toBe('If in doubt, refer');
    expect(within(outcome()).getAllByRole('listitem').map((li) => li.textContent)).toEqual([expect.stringMatching(/^Point 4: /)]);
  });

  it('sexual acts with a pictured pupil under 13: refer now on point 4', async () => {
    const user = aPerson();
    await openInitialReview([CARA, BEN]);
    await answerAll(user, 'No');
    await answerPoint(user, 4, 'Yes');
    expect(verdict()).toBe('Refer now to the police and/or children’s social care');
    expect(outcome().textContent).toContain('Point 4: The imagery involves sexual acts and someone pictured is under 13.');
  });

  it('the same answers when everyone pictured is 13 or over: the school may manage it', async () => {
    const user = aPerson();
    await openInitialReview([AYESHA, BEN]);
    await answerAll(user, 'No');
    await answerPoint(user, 4, 'Yes');
    expect(verdict()).toBe('The school may manage this in school');
  });

  it('with a pupil under 13 pictured, sexual acts not known leaves point 4 open', async () => {
    const user = aPerson();
    await openInitialReview([CARA]);
    await answerAll(user, 'No');
    await answerPoint(user, 4, 'Not known');
    expect(verdict()).toBe('If in doubt, refer');
    expect(within(outcome()).getAllByRole('listitem').map((li) => li.textContent)).toEqual([expect.stringMatching(/^Point 4: /)]);
  });
});

describe('point 1 and an adult on the incident', () => {
  it('an adult on the incident means refer now, whatever is answered to point 1', async () => {
    const user = aPerson();
    await openInitialReview([AYESHA, otherOnIncident({ id: 20, name: 'Sam Placeholder', kind: 'adult', roles: ['sent'], age: 24 })]);
    expect(personRow('Sam Placeholder').slice(1, 4)).toEqual(['Sent or shared it', '24', 'Yes: an adult is involved']);
    await answerAll(user, 'No');
    expect(verdict()).toBe('Refer now to the police and/or children’s social care');
    expect(outcome().textContent).toContain('Point 1: An adult is involved.');
  });

  it('a parent who only reported it is an adult who does not count for point 1: the answer to point 1 decides (Annex F cases 2, 4, 6, 15)', async () => {
    const user = aPerson();
    await openInitialReview([AYESHA, otherOnIncident({ id: 21, name: 'Parent Placeholder', kind: 'adult', roles: ['reported'], age: null })]);
    expect(personRow('Parent Placeholder').slice(1, 4)).toEqual(['Reported it', 'Known to be an adult', 'No: an adult who only reported it']);
    await answerAll(user, 'No');
    expect(verdict()).toBe('The school may manage this in school');
  });
});

describe('malicious sharing: the aggravating factor', () => {
  it('answered yes with the five points ruled out: should be referred, in the advice’s words (Annex F case 3)', async () => {
    const user = aPerson();
    await openInitialReview();
    await answerAll(user, 'No');
    await answerMalicious(user, 'Yes');
    expect(verdict()).toBe('Should be referred to the police and/or children’s social care');
    expect(outcome().textContent).toContain('should generally be referred to police and/or children’s social care');
  });

  it('not known with the five points ruled out: if in doubt, refer, saying what is not known', async () => {
    const user = aPerson();
    await openInitialReview();
    await answerAll(user, 'No');
    await answerMalicious(user, 'Not known');
    expect(verdict()).toBe('If in doubt, refer');
    expect(outcome().textContent).toContain('Not yet known: Has a young person shared someone else’s imagery');
  });

  it('answered yes with a point met: refer now, naming the aggravating factor too', async () => {
    const user = aPerson();
    await openInitialReview();
    await answerAll(user, 'No');
    await answerPoint(user, 5, 'Yes');
    await answerMalicious(user, 'Yes');
    expect(verdict()).toBe('Refer now to the police and/or children’s social care');
    expect(outcome().textContent).toContain('Aggravating factor: A young person shared someone else’s imagery');
  });
});

describe('point 2 and what the school knows of each pupil', () => {
  it('shows a pupil’s SEN and children’s social-care history beside point 2', async () => {
    const withSen = { ...AYESHA, pupil: { ...AYESHA.pupil!, sen: true, senDetails: 'Autism spectrum condition', socialCare: 'past' as const } };
    await openInitialReview([withSen, BEN]);
    expect(personRow('Ayesha Testperson')[4]).toBe('SEN or disability: Autism spectrum condition. Known in the past.');
  });
});

describe('deciding against the outcome', () => {
  it('choosing to manage in school when the points say refer now warns, and asks why', async () => {
    const user = aPerson();
    await openInitialReview();
    await answerAll(user, 'No');
    await answerPoint(user, 2, 'Yes');
    await user.click(screen.getByRole('radio', { name: 'Manage the incident in school, without referring' }));
    expect(screen.getByRole('alert').textContent).toContain('The five points say this must be referred now');
    expect(screen.getByLabelText('Why is this not being referred?')).toBeTruthy();

    await answerPoint(user, 2, 'No');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByLabelText('Why is this not being referred?')).toBeNull();
  });
});
