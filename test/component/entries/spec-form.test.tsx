import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RecordEntryPage } from '../../../renderer/src/features/entries/RecordEntryPage';
import { emptyDraft, isShown, specFields, type FormSpec } from '../../../shared/forms/field-spec';
import { decisionReviewSpec } from '../../../shared/forms/specs/decision-review';
import { deletionSpec } from '../../../shared/forms/specs/deletion';
import { parentsSpec } from '../../../shared/forms/specs/parents';
import { policeReportSpec } from '../../../shared/forms/specs/police-report';
import { refusal, type Answers } from '../support/fake-api';
import { recordedEntry, INCIDENT_ID, incidentDetail } from '../support/fixtures';
import { describedText, errorSummary, queryQuestion, questionOf } from '../support/queries';
import { renderWithApp } from '../support/render-with-app';
import { aPerson, fillIn, type Person } from '../support/user';

/** The page that records an entry of a spec-driven kind on the incident YPSI-2026-007, once its form is there. */
async function recordEntry(kind: string, api: Answers = {}) {
  const rendered = renderWithApp(<RecordEntryPage />, {
    route: 'incidents/:incidentId/record/:kind',
    at: `/incidents/${INCIDENT_ID}/record/${kind}`,
    api: { 'incidents.get': incidentDetail(), ...api },
  });
  await screen.findByRole('button', { name: 'Save record' });
  return rendered;
}

/** The entry's date and time, typed as the DSL would. */
async function whenItHappened(user: Person, date: string, time: string) {
  await user.clear(screen.getByLabelText('Date it happened'));
  await user.type(screen.getByLabelText('Date it happened'), date);
  await user.type(screen.getByLabelText('Time'), time);
}

const FORMS: [kind: string, spec: FormSpec][] = [
  ['police-report', policeReportSpec],
  ['parents', parentsSpec],
  ['deletion', deletionSpec],
  ['decision-review', decisionReviewSpec],
];

describe('a form drawn from its spec', () => {
  it.each(FORMS)('%s: asks each question shown at the start with its label and hint, and none of those that wait on an answer', async (kind, spec) => {
    await recordEntry(kind);
    const fields = specFields(spec);
    // On an incident no other agency knows of, so questions asked only when one does are not shown.
    const shown = fields.filter((field) => isShown(field, emptyDraft(spec)) && !field.askIf);
    expect(shown.length).toBeGreaterThan(0);
    for (const field of shown) {
      const question = questionOf(field);
      if (field.hint) expect(describedText(question)).toContain(field.hint);
    }
    for (const field of fields.filter((f) => !shown.includes(f))) expect(queryQuestion(field.label)).toBeNull();
  });

  it('police report: asks why there is no crime reference only once the DSL says none was given', async () => {
    const user = aPerson();
    await recordEntry('police-report');
    expect(queryQuestion('Crime reference number')).not.toBeNull();
    expect(queryQuestion('Why was no crime reference given?')).toBeNull();

    await user.click(screen.getByRole('checkbox', { name: 'The police gave no crime reference' }));
    expect(queryQuestion('Why was no crime reference given?')).not.toBeNull();
    expect(queryQuestion('Crime reference number')).toBeNull();

    await user.click(screen.getByRole('checkbox', { name: 'The police gave no crime reference' }));
    expect(queryQuestion('Why was no crime reference given?')).toBeNull();
    expect(queryQuestion('Crime reference number')).not.toBeNull();
  });

  it('parents: asks who told them when they were told, and why not when they were not', async () => {
    const user = aPerson();
    await recordEntry('parents');
    expect(queryQuestion('Which parent or carer was told?')).toBeNull();
    expect(queryQuestion('Why are they not being told?')).toBeNull();

    await user.click(screen.getByRole('radio', { name: 'Yes, they have been told' }));
    expect(queryQuestion('Which parent or carer was told?')).not.toBeNull();
    expect(screen.getByRole('group', { name: 'How were they told?' })).toBeTruthy();
    expect(queryQuestion('Why are they not being told?')).toBeNull();

    await user.click(screen.getByRole('radio', { name: 'No, they are not being told' }));
    expect(queryQuestion('Which parent or carer was told?')).toBeNull();
    expect(queryQuestion('Why are they not being told?')).not.toBeNull();
    expect(queryQuestion('Who took the decision?')).not.toBeNull();
  });

  it('parents: offers only the pupils on the incident, by name and year', async () => {
    await recordEntry('parents');
    const pupil = screen.getByRole('combobox', { name: 'Which pupil’s parents or carers?' });
    const offered = within(pupil).getAllByRole('option').map((o) => o.textContent);
    expect(offered).toEqual(['Choose…', 'Ayesha Testperson (Year 10)', 'Ben Sample (Year 11)']);
  });

  it('deletion: a staff search asks who authorised it, and asking the pupils asks for a deadline', async () => {
    const user = aPerson();
    await recordEntry('deletion');
    expect(queryQuestion('Who authorised the search?')).toBeNull();
    expect(queryQuestion('Deadline for deletion')).toBeNull();

    await user.click(screen.getByRole('radio', { name: 'A member of staff searched a device and dealt with it' }));
    expect(queryQuestion('Who authorised the search?')).not.toBeNull();
    expect(queryQuestion('Deadline for deletion')).toBeNull();

    await user.click(screen.getByRole('radio', { name: 'The pupils were asked to delete it themselves' }));
    expect(queryQuestion('Deadline for deletion')).not.toBeNull();
    expect(queryQuestion('Who authorised the search?')).toBeNull();
  });
});

describe('deletion when another agency is involved (UKCCIS 2016, section 2, “Deletion of images”)', () => {
  const AGREED = 'The police / children’s social care have agreed to the deletion, or know of it';

  it('on an incident the school manages alone, neither warns nor asks for the agencies’ agreement', async () => {
    await recordEntry('deletion');
    expect(screen.queryByText(/are involved in this incident/)).toBeNull();
    expect(screen.queryByRole('checkbox', { name: AGREED })).toBeNull();
  });

  it('once the police are involved, warns before the question and sends the tick with the entry', async () => {
    const user = aPerson();
    const { api } = await recordEntry('deletion', {
      'incidents.get': incidentDetail({ otherAgencies: ['police'] }),
      'entries.create': recordedEntry('deletion', {}),
    });
    expect(screen.getByText(/^The police are involved in this incident\. The guidance considers deleting imagery/)).toBeTruthy();
    await whenItHappened(user, '2026-11-03', '11:00');
    await user.click(screen.getByRole('radio', { name: 'The pupils were asked to delete it themselves' }));
    await user.type(screen.getByLabelText('Which pupils were asked?'), 'Ayesha and Ben');
    await user.type(screen.getByLabelText('Where must it be deleted from?'), 'Both phones');
    await user.type(screen.getByLabelText('Deadline for deletion'), '2026-11-04');
    await user.click(screen.getByRole('checkbox', { name: 'The pupils were told that keeping the imagery is illegal' }));
    await user.click(screen.getByRole('checkbox', { name: AGREED }));
    await user.click(screen.getByRole('button', { name: 'Save record' }));

    expect(await screen.findByText(`Now at /incidents/${INCIDENT_ID}`)).toBeTruthy();
    expect(api.inputsOf('entries.create')[0]).toMatchObject({ kind: 'deletion', body: { mode: 'pupils-asked', otherAgencyAgreed: true } });
  });

  it('shows the core’s refusal on the tick when it is left unticked', async () => {
    const user = aPerson();
    const message = 'The police are involved: confirm they have agreed to the deletion, or know of it, before recording it';
    await recordEntry('deletion', {
      'incidents.get': incidentDetail({ otherAgencies: ['police'] }),
      'entries.create': () => refusal({ code: 'invalid_input', message: 'Another agency is involved in this incident.', fields: { 'body.otherAgencyAgreed': message } }),
    });
    await whenItHappened(user, '2026-11-03', '11:00');
    await user.click(screen.getByRole('radio', { name: 'The pupils were asked to delete it themselves' }));
    await user.type(screen.getByLabelText('Which pupils were asked?'), 'Ayesha and Ben');
    await user.type(screen.getByLabelText('Where must it be deleted from?'), 'Both phones');
    await user.type(screen.getByLabelText('Deadline for deletion'), '2026-11-04');
    await user.click(screen.getByRole('checkbox', { name: 'The pupils were told that keeping the imagery is illegal' }));
    await user.click(screen.getByRole('button', { name: 'Save record' }));

    expect(describedText(await screen.findByRole('checkbox', { name: AGREED }))).toContain(message);
  });
});

describe('deletion when the imagery may be evidence (decision 0021, item 6)', () => {
  it('warns first on an incident with sexual extortion recorded, and on one with a Take It Down report', async () => {
    const { unmount } = await recordEntry('deletion', {
      'incidents.get': incidentDetail({ entries: [recordedEntry('extortion', { paidOrSent: 'no', imageShared: 'unknown', blockedAndReported: 'yes' })] }),
    });
    expect(screen.getByText(/^Sexual extortion is recorded on this incident\. The NCA advises keeping anything that could be evidence/)).toBeTruthy();
    unmount();
    await recordEntry('deletion', {
      'incidents.get': incidentDetail({ entries: [recordedEntry('online-report', { service: 'Fictogram', reportedBy: 'The pupil', route: 'take-it-down', outcome: '' })] }),
    });
    expect(screen.getByText(/^A Take It Down report is recorded: it works only while the image is still on the young person’s own device/)).toBeTruthy();
    expect(screen.queryByText(/Sexual extortion is recorded/)).toBeNull();
  });

  it('says nothing of evidence on an incident without either', async () => {
    await recordEntry('deletion');
    expect(screen.queryByText(/NCA advises|Take It Down report is recorded/)).toBeNull();
  });
});

describe('reviewing the decision', () => {
  it('sends whether it stands, why, and the next review date', async () => {
    const user = aPerson();
    const { api } = await recordEntry('decision-review', { 'entries.create': recordedEntry('decision-review', {}) });
    await whenItHappened(user, '2026-11-09', '09:00');
    await user.click(screen.getByRole('radio', { name: 'Yes, the decision stands' }));
    await fillIn(user, screen.getByLabelText('What was reviewed, and why'), 'Both pupils seen again; nothing new.');
    await user.type(screen.getByLabelText('Next review by (optional)'), '2026-11-23');
    await user.click(screen.getByRole('button', { name: 'Save record' }));

    expect(await screen.findByText(`Now at /incidents/${INCIDENT_ID}`)).toBeTruthy();
    expect(api.inputsOf('entries.create')[0]).toMatchObject({ kind: 'decision-review', body: { decisionStands: 'stands', nextReviewBy: '2026-11-23' } });
  });
});

describe('saving a form drawn from its spec', () => {
  it('police report: submitted empty, says what is missing in the summary and on each question, and saves nothing', async () => {
    const user = aPerson();
    const { api } = await recordEntry('police-report');
    await user.click(screen.getByRole('button', { name: 'Save record' }));

    const summary = errorSummary();
    const messages = within(summary).getAllByRole('link').map((link) => link.textContent);
    expect(messages).toEqual(['Enter the time it happened', 'Say how the police were contacted', 'Enter who the report was made to (name, role, collar number)']);
    expect(describedText(screen.getByRole('group', { name: 'How were the police contacted?' }))).toContain('Say how the police were contacted');
    expect(describedText(screen.getByLabelText('Who was the report made to?'))).toContain('Enter who the report was made to');
    expect(screen.getByLabelText('Who was the report made to?').getAttribute('aria-invalid')).toBe('true');
    expect(api.inputsOf('entries.create')).toEqual([]);
  });

  it('the summary’s links take focus to the question they are about', async () => {
    const user = aPerson();
    await recordEntry('police-report');
    await user.click(screen.getByRole('button', { name: 'Save record' }));

    await user.click(within(errorSummary()).getByRole('link', { name: 'Enter who the report was made to (name, role, collar number)' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Who was the report made to?'));
    await user.click(within(errorSummary()).getByRole('link', { name: 'Say how the police were contacted' }));
    expect(document.activeElement).toBe(screen.getByRole('group', { name: 'How were the police contacted?' }));
  });

  it('police report: saying none was given sets aside a crime reference typed before, and asks why there is none', async () => {
    const user = aPerson();
    await recordEntry('police-report');
    await user.type(screen.getByLabelText('Crime reference number'), 'CR/TEST/0001');
    await user.click(screen.getByRole('checkbox', { name: 'The police gave no crime reference' }));
    await user.click(screen.getByRole('button', { name: 'Save record' }));
    // The hidden crime reference is dropped, so only the missing reason is asked for.
    expect(within(errorSummary()).queryByText(/Either enter the crime reference number/)).toBeNull();
    expect(within(errorSummary()).getByRole('link', { name: /Say why no crime reference was given/ })).toBeTruthy();
  });

  it('parents: submitted empty, asks for the pupil and whether the parents were told', async () => {
    const user = aPerson();
    await recordEntry('parents');
    await user.click(screen.getByRole('button', { name: 'Save record' }));
    const messages = within(errorSummary()).getAllByRole('link').map((link) => link.textContent);
    expect(messages).toContain('Choose the pupil whose parents or carers this is about');
    expect(messages).toContain('Say whether the parents or carers have been told');
    expect(describedText(screen.getByRole('combobox', { name: 'Which pupil’s parents or carers?' }))).toContain('Choose the pupil whose parents or carers this is about');
  });

  it('deletion: asking the pupils, submitted empty, asks for everything that path needs at once, the confirmation box included', async () => {
    const user = aPerson();
    await recordEntry('deletion');
    await user.click(screen.getByRole('radio', { name: 'The pupils were asked to delete it themselves' }));
    await user.click(screen.getByRole('button', { name: 'Save record' }));
    const messages = within(errorSummary()).getAllByRole('link').map((link) => link.textContent);
    expect(messages).toEqual(
      expect.arrayContaining([
        'Enter which pupils were asked to delete the imagery',
        'List the devices, cloud storage and services to delete it from',
        'Enter the deadline for deletion',
        'Confirm the pupils were told that keeping the imagery is illegal',
      ]),
    );
    expect(messages.some((m) => m?.includes('authorised'))).toBe(false);
    const confirmation = screen.getByRole('checkbox', { name: 'The pupils were told that keeping the imagery is illegal' });
    expect(describedText(confirmation)).toContain('Confirm the pupils were told that keeping the imagery is illegal');
  });

  it('police report: a complete form sends entries.create for this incident and returns to the incident', async () => {
    const user = aPerson();
    const { api } = await recordEntry('police-report', { 'entries.create': recordedEntry('police-report', {}) });
    await whenItHappened(user, '2026-11-03', '10:30');
    await user.click(screen.getByRole('radio', { name: 'Safer schools officer' }));
    await fillIn(user, screen.getByLabelText('Who was the report made to?'), 'PC Example, collar 0000');
    await user.type(screen.getByLabelText('Crime reference number'), 'CR/TEST/0001');
    await user.click(screen.getByRole('button', { name: 'Save record' }));

    expect(await screen.findByText(`Now at /incidents/${INCIDENT_ID}`)).toBeTruthy();
    const sent = api.inputsOf('entries.create');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      incidentId: INCIDENT_ID,
      kind: 'police-report',
      occurredOn: '2026-11-03',
      occurredTime: '10:30',
      body: { route: 'safer-schools-officer', toWhom: 'PC Example, collar 0000', crimeReference: 'CR/TEST/0001', noCrimeReference: false },
    });
  });

  it('parents: sends the chosen pupil and only the answers for the path taken', async () => {
    const user = aPerson();
    const { api } = await recordEntry('parents', { 'entries.create': recordedEntry('parents', {}) });
    await whenItHappened(user, '2026-11-03', '15:45');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Which pupil’s parents or carers?' }), 'Ayesha Testperson (Year 10)');
    await user.click(screen.getByRole('radio', { name: 'Yes, they have been told' }));
    await user.type(screen.getByLabelText('Which parent or carer was told?'), 'Her mother');
    await user.click(screen.getByRole('radio', { name: 'No, they are not being told' }));
    await fillIn(user, screen.getByLabelText('Why are they not being told?'), 'Children’s social care asked us to wait until their visit.');
    await fillIn(user, screen.getByLabelText('Who took the decision?'), 'Dana Example with the social worker');
    await user.click(screen.getByRole('button', { name: 'Save record' }));

    await screen.findByText(`Now at /incidents/${INCIDENT_ID}`);
    const [sent] = api.inputsOf('entries.create');
    expect(sent).toMatchObject({
      kind: 'parents',
      body: { pupilPersonId: 11, informed: 'no', reasons: 'Children’s social care asked us to wait until their visit.', decidedBy: 'Dana Example with the social worker' },
    });
    expect(sent).not.toHaveProperty('body.whoWasTold');
  });

  it('a refusal from the core about one answer is shown on that question, and the form stays', async () => {
    const user = aPerson();
    const message = 'This crime reference is already recorded on YPSI-2026-003';
    await recordEntry('police-report', {
      'entries.create': () => refusal({ code: 'invalid_input', message: 'Check the answers', fields: { 'body.crimeReference': message } }),
    });
    await whenItHappened(user, '2026-11-03', '10:30');
    await user.click(screen.getByRole('radio', { name: '101' }));
    await user.type(screen.getByLabelText('Who was the report made to?'), 'Call handler');
    await user.type(screen.getByLabelText('Crime reference number'), 'CR/TEST/0003');
    await user.click(screen.getByRole('button', { name: 'Save record' }));

    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(within(summary).getByRole('link', { name: message })).toBeTruthy();
    expect(describedText(screen.getByLabelText('Crime reference number'))).toContain(message);
    expect(screen.queryByText(/Now at/)).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>('Crime reference number').value).toBe('CR/TEST/0003');
  });

  it('a refusal about the record as a whole is shown in the summary in the core’s words', async () => {
    const user = aPerson();
    const message = 'YPSI-2026-007 was closed while you were writing. Reopen it to add to it.';
    await recordEntry('police-report', { 'entries.create': () => refusal({ code: 'conflict', message }) });
    await whenItHappened(user, '2026-11-03', '10:30');
    await user.click(screen.getByRole('radio', { name: '101' }));
    await user.type(screen.getByLabelText('Who was the report made to?'), 'Call handler');
    await user.click(screen.getByRole('button', { name: 'Save record' }));

    const summary = await screen.findByRole('alert', { name: 'There is a problem' });
    expect(summary.textContent).toContain(message);
    expect(screen.queryByText(/Now at/)).toBeNull();
  });
});

describe('leaving a form with unsaved typing', () => {
  it('asks first; Stay keeps the typing, Leave goes', async () => {
    const user = aPerson();
    await recordEntry('police-report');
    await user.type(screen.getByLabelText('Who was the report made to?'), 'PC Example');
    await user.click(screen.getByRole('link', { name: 'Back to the incident' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'Leave this page?' });
    await user.click(within(dialog).getByRole('button', { name: 'Stay' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>('Who was the report made to?').value).toBe('PC Example');

    await user.click(screen.getByRole('link', { name: 'Back to the incident' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Leave' }));
    expect(await screen.findByText(`Now at /incidents/${INCIDENT_ID}`)).toBeTruthy();
  });

  it('a form with nothing typed lets the DSL go without asking', async () => {
    const user = aPerson();
    await recordEntry('police-report');
    await user.click(screen.getByRole('link', { name: 'Back to the incident' }));
    expect(await screen.findByText(`Now at /incidents/${INCIDENT_ID}`)).toBeTruthy();
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
