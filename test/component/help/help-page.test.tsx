// Issue 19 item 4: the Help page draws the flowchart (UKCCIS 2016, Annex G) as headed, ordered
// lists, and a form opens its own section beside it without losing what has been typed.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RecordEntryPage } from '../../../renderer/src/features/entries/RecordEntryPage';
import { HelpPage } from '../../../renderer/src/features/help/HelpPage';
import { NewIncidentPage } from '../../../renderer/src/features/incidents/NewIncidentPage';
import { InitialReviewPage } from '../../../renderer/src/features/initial-review/InitialReviewPage';
import { ViewingLogForm } from '../../../renderer/src/features/viewing-log/ViewingLogForm';
import { INCIDENT_ID, incidentDetail } from '../support/fixtures';
import { renderWithApp } from '../support/render-with-app';
import { aPerson } from '../support/user';

describe('the Help page', () => {
  it('shows the flowchart as headed steps, each an ordered list of questions and outcomes, the five points nested in the review', () => {
    renderWithApp(<HelpPage />, { route: 'help' });
    const flowchart = screen.getByRole('region', { name: 'Responding to an incident, step by step' });
    const steps = within(flowchart).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(steps).toEqual([
      '1. Initial disclosure',
      '2. Initial review with the safeguarding team',
      '3. Risk assessment and dealing with the incident',
      '4. Management in school',
      "5. Referral to the police, children's social care or the MASH",
    ]);
    expect(within(flowchart).queryByRole('img')).toBeNull();
    const review = within(flowchart).getByText('Does any of the five points for referral apply?').closest('li');
    if (!review) throw new Error('The review question is not a list item');
    const points = within(review).getByRole('list');
    expect(points.tagName).toBe('OL');
    expect(within(points).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Adult involvement', 'Coercion or blackmail', 'Extreme or violent', 'Under 13', 'Immediate risk of harm']);
    expect(within(flowchart).getByText(/UKCCIS 2016, Annex G: Flowchart for responding to incidents/u, { selector: '.help-sources' })).toBeTruthy();
  });

  it('gives every section an address a form can link to, and offers the staff summary to print', () => {
    renderWithApp(<HelpPage />, { route: 'help' });
    for (const id of ['flowchart', 'five-points', 'viewing', 'conversation', 'parents', 'searching-and-deletion', 'police-and-social-care', 'extortion-and-reporting', 'staff-summary']) {
      expect(document.getElementById(id), id).not.toBeNull();
    }
    expect(screen.getByRole('button', { name: 'Save the staff summary as a PDF' })).toBeTruthy();
  });

  it('saves the staff summary through the core and says so', async () => {
    const user = aPerson();
    const { api } = renderWithApp(<HelpPage />, { route: 'help', roles: ['head'], api: { 'help.staffSummaryPdf': { saved: true, fileName: 'summary.pdf', pages: 1 } } });
    await user.click(screen.getByRole('button', { name: 'Save the staff summary as a PDF' }));
    expect(await screen.findByText(/Saved summary\.pdf/u)).toBeTruthy();
    expect(api.inputsOf('help.staffSummaryPdf')).toEqual([{}]);
  });
});

describe("a form's guidance link", () => {
  it('on the police report: opens the section on the police beside the form, and what was typed stays', async () => {
    const user = aPerson();
    renderWithApp(<RecordEntryPage />, { route: 'incidents/:incidentId/record/:kind', at: `/incidents/${INCIDENT_ID}/record/police-report`, api: { 'incidents.get': incidentDetail() } });
    await screen.findByRole('button', { name: 'Save record' });
    await user.type(screen.getByLabelText('Crime reference number'), 'CR/2026/0042');

    const link = screen.getByRole('button', { name: "Guidance: The police and children's social care" });
    expect(link.getAttribute('aria-expanded')).toBe('false');
    await user.click(link);
    const panel = screen.getByRole('complementary', { name: "Guidance: The police and children's social care" });
    expect(within(panel).getByRole('heading', { name: "The police and children's social care" })).toBeTruthy();
    expect(within(panel).getByText(/UKCCIS 2016, section 2: Reporting incidents to the police/u, { selector: '.help-sources' })).toBeTruthy();
    expect(within(panel).getByRole('link', { name: 'All the guidance on the Help page' }).getAttribute('href')).toContain('/help#police-and-social-care');

    expect(screen.getByLabelText<HTMLInputElement>('Crime reference number').value).toBe('CR/2026/0042');
    await user.type(screen.getByLabelText('Crime reference number'), '-A');
    expect(screen.getByLabelText<HTMLInputElement>('Crime reference number').value).toBe('CR/2026/0042-A');
  });

  it('on the new incident, the initial review and the viewing log: each names its own section', async () => {
    const opened = renderWithApp(<NewIncidentPage />, { route: 'incidents/new' });
    expect(screen.getByRole('button', { name: 'Guidance: Responding to an incident, step by step' })).toBeTruthy();
    opened.unmount();

    const review = renderWithApp(<InitialReviewPage />, {
      route: 'incidents/:incidentId/initial-review/new',
      at: `/incidents/${INCIDENT_ID}/initial-review/new`,
      api: { 'incidents.get': incidentDetail() },
    });
    await screen.findByRole('button', { name: 'Save initial review' });
    expect(screen.getByRole('button', { name: 'Guidance: The five points: when to refer at once' })).toBeTruthy();
    review.unmount();

    renderWithApp(<ViewingLogForm detail={incidentDetail()} onSaved={() => undefined} />);
    expect(screen.getByRole('button', { name: 'Guidance: Viewing the imagery' })).toBeTruthy();
  });
});
