// Issue 18 item 4 on screen: opening an incident the police told the school of (UKCCIS 2016,
// Annex F case 14), and the incident page saying how it reached the school.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NewIncidentPage } from '../../../renderer/src/features/incidents/NewIncidentPage';
import { IncidentSummaryList } from '../../../renderer/src/features/incidents/IncidentSummaryList';
import { incidentDetail } from '../support/fixtures';
import { describedText } from '../support/queries';
import { renderWithApp } from '../support/render-with-app';
import { aPerson, fillIn } from '../support/user';

const SOURCE = 'How did the incident reach the school?';

async function openNewIncident() {
  const rendered = renderWithApp(<NewIncidentPage />, {
    route: 'incidents/new',
    at: '/incidents/new',
    api: { 'incidents.create': { id: 9, reference: 'YPSI-2026-009' } },
  });
  await screen.findByRole('button', { name: 'Open incident' });
  return rendered;
}

describe('how an incident reached the school', () => {
  it('starts at “the school found out itself” and asks who told the school only when an agency did', async () => {
    const user = aPerson();
    await openNewIncident();
    const question = screen.getByRole('group', { name: SOURCE });
    expect(within(question).getByRole('radio', { name: /^The school found out itself/ })).toHaveProperty('checked', true);
    expect(screen.queryByLabelText('Who told the school?')).toBeNull();

    await user.click(screen.getByRole('radio', { name: 'The police told the school' }));
    expect(screen.getByLabelText('Who told the school?')).toBeTruthy();
    expect(screen.getByText(/The police already know of this incident/)).toBeTruthy();
  });

  it('says who told the school is missing, on that question, before anything is sent', async () => {
    const user = aPerson();
    const { api } = await openNewIncident();
    await fillIn(user, screen.getByLabelText('Title'), 'Images found by the police');
    await user.click(screen.getByRole('radio', { name: /^A young person under 18 holds imagery/ }));
    await user.click(screen.getByRole('radio', { name: 'Photo' }));
    await user.click(screen.getByRole('radio', { name: 'Not known yet' }));
    await user.click(screen.getByRole('radio', { name: 'Children’s social care told the school' }));
    await user.click(screen.getByRole('button', { name: 'Open incident' }));

    expect(describedText(screen.getByLabelText('Who told the school?'))).toContain('Enter who told the school: the agency, and the person there');
    expect(api.inputsOf('incidents.create')).toEqual([]);
  });

  it('sends the police, who told the school and their reference', async () => {
    const user = aPerson();
    const { api } = await openNewIncident();
    await fillIn(user, screen.getByLabelText('Title'), 'Images found by the police');
    await user.click(screen.getByRole('radio', { name: /^A young person under 18 holds imagery/ }));
    await user.click(screen.getByRole('radio', { name: 'Photo' }));
    await user.click(screen.getByRole('radio', { name: 'Not known yet' }));
    await user.click(screen.getByRole('radio', { name: 'The police told the school' }));
    await fillIn(user, screen.getByLabelText('Who told the school?'), 'PC Fictional Brackenridge');
    await fillIn(user, screen.getByLabelText('Their reference (if they gave one)'), 'FIC/2026/0042');
    await user.click(screen.getByRole('button', { name: 'Open incident' }));

    expect(await screen.findByText('Now at /incidents/9')).toBeTruthy();
    expect(api.inputsOf('incidents.create')[0]).toMatchObject({ source: 'police', sourceAgency: 'PC Fictional Brackenridge', sourceReference: 'FIC/2026/0042' });
  });

  it('shows on the incident page who told the school and their reference', () => {
    const detail = incidentDetail();
    renderWithApp(<IncidentSummaryList incident={{ ...detail.incident, source: 'police', sourceAgency: 'PC Fictional Brackenridge', sourceReference: 'FIC/2026/0042' }} police={detail.police} />);
    expect(screen.getByText('The police told the school: PC Fictional Brackenridge (their reference FIC/2026/0042)')).toBeTruthy();
  });
});
