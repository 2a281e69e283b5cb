import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { InitialReviewPage } from '../../../renderer/src/features/initial-review/InitialReviewPage';
import { recordedEntry, INCIDENT_ID, incidentDetail } from '../support/fixtures';
import { describedText, errorSummary } from '../support/queries';
import { renderWithApp } from '../support/render-with-app';
import { aPerson, fillIn, type Person } from '../support/user';

async function openInitialReview() {
  const rendered = renderWithApp(<InitialReviewPage />, {
    route: 'incidents/:incidentId/initial-review/new',
    at: `/incidents/${INCIDENT_ID}/initial-review/new`,
    api: { 'incidents.get': incidentDetail(), 'entries.create': recordedEntry('initial-review', {}) },
  });
  await screen.findByRole('button', { name: 'Save initial review' });
  return rendered;
}

/** The five points in order, then the malicious-sharing question (answered no unless given). */
async function answerPoints(user: Person, answers: readonly ('Yes' | 'No')[], malicious: 'Yes' | 'No' = 'No') {
  for (const [index, answer] of answers.entries()) {
    await user.click(within(screen.getByRole('group', { name: new RegExp(`^${index + 1}\\. `) })).getByRole('radio', { name: answer }));
  }
  await user.click(within(screen.getByRole('group', { name: /with malicious intent/ })).getByRole('radio', { name: malicious }));
}

async function meetingHeld(user: Person) {
  await user.clear(screen.getByLabelText('Date of the meeting'));
  await user.type(screen.getByLabelText('Date of the meeting'), '2026-11-03');
  await user.type(screen.getByLabelText('Time'), '09:00');
  await fillIn(user, screen.getByLabelText('Who attended'), 'Dana Example (DSL), Lee Placeholder (head of year)');
}

describe('saving the initial review', () => {
  it('submitted empty, asks for each of the five points and the decision', async () => {
    const user = aPerson();
    const { api } = await openInitialReview();
    await user.click(screen.getByRole('button', { name: 'Save initial review' }));
    const messages = within(errorSummary()).getAllByRole('link').map((link) => link.textContent);
    expect(messages).toEqual(
      expect.arrayContaining([
        'Enter who attended the meeting',
        'Answer point 1: is an adult involved?',
        'Answer point 4: does the imagery involve sexual acts?',
        'Answer point 5: is a young person at immediate risk of harm?',
        'Answer: has a young person shared someone else’s imagery without consent and with malicious intent?',
        'Record the decision: refer, or manage in school',
        'Record the reasons for the decision',
      ]),
    );
    expect(describedText(screen.getByRole('group', { name: /^3\. / }))).toContain('Answer point 3');
    expect(api.inputsOf('entries.create')).toEqual([]);
  });

  it('a referral to the police is saved and leads straight on to recording the police report', async () => {
    const user = aPerson();
    const { api } = await openInitialReview();
    await meetingHeld(user);
    await answerPoints(user, ['No', 'Yes', 'No', 'No', 'No']);
    await user.click(screen.getByRole('radio', { name: 'Refer to the police and/or children’s social care' }));
    await user.click(screen.getByRole('checkbox', { name: 'The police' }));
    await fillIn(user, screen.getByLabelText('Reasons for the decision'), 'Point 2 is met: an older pupil pressured Ayesha to send the image.');
    await user.click(screen.getByRole('button', { name: 'Save initial review' }));

    expect(await screen.findByText(`Now at /incidents/${INCIDENT_ID}/record/police-report`)).toBeTruthy();
    const sent = api.inputsOf('entries.create');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      incidentId: INCIDENT_ID,
      kind: 'initial-review',
      occurredOn: '2026-11-03',
      occurredTime: '09:00',
      body: {
        attendees: 'Dana Example (DSL), Lee Placeholder (head of year)',
        points: { adultInvolved: 'no', coercionOrGrooming: 'yes', unusualOrViolent: 'no', sexualActs: 'no', immediateRisk: 'no' },
        maliciousSharing: 'no',
        decision: 'refer',
        referTo: ['police'],
      },
    });
  });

  it('managing in school against a point that is met is refused until the DSL records why', async () => {
    const user = aPerson();
    const { api } = await openInitialReview();
    await meetingHeld(user);
    await answerPoints(user, ['No', 'No', 'No', 'No', 'Yes']);
    await user.click(screen.getByRole('radio', { name: 'Manage the incident in school, without referring' }));
    await fillIn(user, screen.getByLabelText('Reasons for the decision'), 'The pupil is safe at home tonight.');
    await user.click(screen.getByRole('button', { name: 'Save initial review' }));

    const summary = errorSummary();
    expect(within(summary).getByRole('link', { name: /The five points say refer now/ })).toBeTruthy();
    expect(describedText(screen.getByLabelText('Why is this not being referred?'))).toContain('the headteacher must sign it');
    expect(api.inputsOf('entries.create')).toEqual([]);

    await fillIn(user, screen.getByLabelText('Why is this not being referred?'), 'Agreed with children’s social care by phone: they will not take it further.');
    await user.click(screen.getByRole('button', { name: 'Save initial review' }));
    expect(await screen.findByText(`Now at /incidents/${INCIDENT_ID}`)).toBeTruthy();
    expect(api.inputsOf('entries.create')[0]).toMatchObject({ body: { decision: 'manage-in-school', overrideReasons: 'Agreed with children’s social care by phone: they will not take it further.' } });
  });

  it('managing in school when malicious sharing says it should be referred is refused until the DSL records why (Annex F case 3)', async () => {
    const user = aPerson();
    const { api } = await openInitialReview();
    await meetingHeld(user);
    await answerPoints(user, ['No', 'No', 'No', 'No', 'No'], 'Yes');
    await user.click(screen.getByRole('radio', { name: 'Manage the incident in school, without referring' }));
    expect(screen.getByRole('alert').textContent).toContain('should generally be referred');
    await fillIn(user, screen.getByLabelText('Reasons for the decision'), 'Both families are working with us.');
    await user.click(screen.getByRole('button', { name: 'Save initial review' }));

    expect(within(errorSummary()).getByRole('link', { name: /incident with malicious sharing should generally be referred/ })).toBeTruthy();
    expect(api.inputsOf('entries.create')).toEqual([]);

    await fillIn(user, screen.getByLabelText('Why is this not being referred?'), 'Children’s social care advised by phone that the school manage it.');
    await user.click(screen.getByRole('button', { name: 'Save initial review' }));
    expect(await screen.findByText(`Now at /incidents/${INCIDENT_ID}`)).toBeTruthy();
    expect(api.inputsOf('entries.create')[0]).toMatchObject({ body: { decision: 'manage-in-school', maliciousSharing: 'yes' } });
  });
});
