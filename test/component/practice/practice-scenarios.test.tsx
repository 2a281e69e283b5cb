// Issue 22 items 2–3 on screen: the scenarios listed as the advice groups them, a scenario's
// page starting a practice incident, and on a practice incident the scenario beside the
// feedback from the rules, with the person's own answers where they differ.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { IncidentPage } from '../../../renderer/src/features/incidents/IncidentPage';
import { ScenarioPage } from '../../../renderer/src/features/practice/ScenarioPage';
import { ScenariosPage } from '../../../renderer/src/features/practice/ScenariosPage';
import { TrainingLogPage } from '../../../renderer/src/features/practice/TrainingLogPage';
import { incidentDetail, INCIDENT_ID, recordedEntry } from '../support/fixtures';
import { renderWithApp } from '../support/render-with-app';
import { aPerson } from '../support/user';

const ON_THE_INCIDENT = { route: 'incidents/:incidentId', at: `/incidents/${INCIDENT_ID}` };
const PRACTICE = { id: 3, scenarioId: 'case-study-6', incidentId: INCIDENT_ID, staffName: 'Marigold Thistlewood', startedAt: '2026-11-23T09:00:00.000Z', completedAt: null };

/** Case study 6 reviewed with the blackmail answered "no" and the malicious sharing "yes", referred to the police. */
function reviewedWithoutBlackmail() {
  return recordedEntry('initial-review', {
    attendees: 'DSL (practice)',
    considerations: {},
    points: { adultInvolved: 'no', coercionOrGrooming: 'no', unusualOrViolent: 'no', sexualActs: 'no', immediateRisk: 'no' },
    maliciousSharing: 'yes',
    pointNotes: {},
    decision: 'refer',
    referTo: ['police'],
    reasons: 'Fictional practice reasons.',
  });
}

describe('practice scenarios on screen', () => {
  it('lists section 2’s case studies and Annex F’s fifteen in their own groups', async () => {
    renderWithApp(<ScenariosPage />);
    const sectionTwo = await screen.findByRole('region', { name: 'Case studies A and B (section 2)' });
    expect(within(sectionTwo).getAllByRole('link').map((l) => l.textContent)).toEqual(['Case study A', 'Case study B']);
    const annexF = screen.getByRole('region', { name: 'Case studies 1 to 15 (Annex F)' });
    expect(within(annexF).getAllByRole('link')).toHaveLength(15);
    expect(within(annexF).getByRole('link', { name: 'Case study 6' }).getAttribute('href')).toBe('/practice/scenarios/case-study-6');
    expect(screen.getByText(/not a marking key/)).toBeTruthy();
  });

  it('shows case study 6 in the app’s words and starts it as a practice incident, opening the incident page', async () => {
    const { api } = renderWithApp(<ScenarioPage />, {
      route: 'practice/scenarios/:scenarioId',
      at: '/practice/scenarios/case-study-6',
      status: { practice: true },
      api: { 'practice.startScenario': { incidentId: 42, practiceSessionId: 3 } },
    });
    expect(await screen.findByRole('heading', { name: /Case study 6/ })).toBeTruthy();
    expect(screen.getByText(/a boy is blackmailing her/)).toBeTruthy();
    expect(screen.getByText(/UKCCIS 2016, Annex F, Resource Sheet 2, case study 6/)).toBeTruthy();
    await aPerson().click(screen.getByRole('button', { name: 'Start this scenario' }));
    expect(await screen.findByText('Now at /incidents/42')).toBeTruthy();
    expect(api.inputsOf('practice.startScenario')).toEqual([{ scenarioId: 'case-study-6' }]);
  });

  it('outside practice mode sends the person to open it first, and offers no way to start', async () => {
    renderWithApp(<ScenarioPage />, { route: 'practice/scenarios/:scenarioId', at: '/practice/scenarios/case-study-6' });
    expect(await screen.findByRole('heading', { name: /Case study 6/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Start this scenario' })).toBeNull();
    expect(screen.getByRole('link', { name: 'open practice mode' }).getAttribute('href')).toBe('/practice');
  });

  it('on a practice incident before its review, keeps the scenario at hand and says what comes next', async () => {
    renderWithApp(<IncidentPage />, { ...ON_THE_INCIDENT, api: { 'incidents.get': incidentDetail(), 'practice.forIncident': { session: PRACTICE } } });
    const panel = await screen.findByRole('region', { name: 'Practice scenario: case study 6' });
    expect(panel.textContent).toMatch(/a boy is blackmailing her/);
    expect(panel.textContent).toMatch(/then record the initial review/);
    expect(within(panel).queryByRole('button', { name: 'Mark this practice complete' })).toBeNull();
  });

  it('after the review, shows what the rules imply beside the person’s own answers, and marks the practice complete', async () => {
    const { api } = renderWithApp(<IncidentPage />, {
      ...ON_THE_INCIDENT,
      api: { 'incidents.get': incidentDetail({ entries: [reviewedWithoutBlackmail()] }), 'practice.forIncident': { session: PRACTICE }, 'practice.complete': { done: true } },
    });
    const panel = await screen.findByRole('region', { name: 'Practice scenario: case study 6' });
    const feedback = within(panel).getByRole('region', { name: 'What the guidance’s rules imply' });
    // As entered: malicious sharing alone, so "should be referred"; on the case study's facts, blackmail is point 2.
    expect(within(feedback).getByRole('heading', { name: 'Should be referred to the police and/or children’s social care' })).toBeTruthy();
    expect(within(feedback).getByTestId('facts-outcome').textContent).toBe('Refer now to the police and/or children’s social care.');
    const row = within(feedback).getByRole('row', { name: /Point 2/ });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['no', 'yes', expect.stringMatching(/blackmail, which point 2 names/)]);
    expect(feedback.textContent).toMatch(/Aggravated: youth only, intent to harm/);
    expect(feedback.textContent).toMatch(/judgement, with colleagues, and your local safeguarding procedures decide/);

    await aPerson().click(within(panel).getByRole('button', { name: 'Mark this practice complete' }));
    expect(api.inputsOf('practice.complete')).toEqual([{ practiceSessionId: 3 }]);
  });

  it('on the school’s own incidents shows no practice panel', async () => {
    renderWithApp(<IncidentPage />, { ...ON_THE_INCIDENT, api: { 'incidents.get': incidentDetail() } });
    await screen.findByRole('heading', { name: /Image shared in a Year 10 group chat/ });
    expect(screen.queryByRole('region', { name: /Practice scenario/ })).toBeNull();
  });
});

describe('the training log on screen', () => {
  it('lists who completed which scenario and when, and saves it as a PDF', async () => {
    const completed = { ...PRACTICE, completedAt: '2026-11-23T10:30:00.000Z' };
    const { api } = renderWithApp(<TrainingLogPage />, { api: { 'practice.log': { sessions: [completed] }, 'practice.logPdf': { saved: true, fileName: 'Training log.pdf', pages: 1 } } });
    const row = await screen.findByRole('row', { name: /Marigold Thistlewood/ });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Marigold Thistlewood', 'Case study 6', expect.stringMatching(/23 Nov 2026/), expect.stringMatching(/23 Nov 2026/)]);
    await aPerson().click(screen.getByRole('button', { name: 'Save the training log as a PDF' }));
    expect(await screen.findByText('Saved Training log.pdf for the school’s training records.')).toBeTruthy();
    expect(api.inputsOf('practice.logPdf')).toEqual([{}]);
  });
});
