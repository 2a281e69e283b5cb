import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain/staff';
import { rolesMayCall } from '../../shared/ipc/access';
import type { Channel } from '../../shared/ipc/channels';
import { contract } from '../../shared/ipc/contract';
import { AppLayout } from '../../renderer/src/app/AppLayout';
import { HelpPage } from '../../renderer/src/features/help/HelpPage';
import { IncidentPage } from '../../renderer/src/features/incidents/IncidentPage';
import { IncidentsPage } from '../../renderer/src/features/incidents/IncidentsPage';
import { PupilsPage } from '../../renderer/src/features/pupils/PupilsPage';
import { appInfo, disclosure, INCIDENT_ID, incidentDetail } from './support/fixtures';
import { renderWithApp } from './support/render-with-app';

type Offer = { role: 'link' | 'button'; name: string; channel: Channel };

const PEOPLE: [string, Role[]][] = [
  ['the DSL', ['dsl']],
  ['a deputy DSL', ['deputy']],
  ['the headteacher', ['head']],
  ['a member of staff with no role in force, who may only read', []],
];

/** An open incident with a disclosure not yet signed, whose closure the headteacher has signed. */
const incident = incidentDetail({ entries: [disclosure()], closureSigned: true });
/** The layout's footer reads which installation this is. */
const LAYOUT_API = { 'app.info': appInfo() };
const ON_THE_INCIDENT = { route: 'incidents/:incidentId', at: `/incidents/${INCIDENT_ID}` };
/** The incident's review date and legal holds, which only the DSL reads. */
const RETENTION_API = { 'retention.of': { reviewOn: '2101-11-23', why: '75 years after the incident was recorded', due: false, held: false }, 'holds.list': { holds: [] } };

/** The legal hold panel loads after the incident: wait for it where this person sees it. */
async function afterLegalHoldPanel(roles: Role[]) {
  if (rolesMayCall(roles, contract['holds.place'].access)) await screen.findByRole('button', { name: 'Place a legal hold' });
}

/** Each offer is shown exactly when the contract lets this person call the channel it uses. */
function expectOffersMatchContract(roles: Role[], offers: Offer[]) {
  const shown = offers.map((offer) => [offer.name, screen.queryByRole(offer.role, { name: offer.name }) !== null]);
  const allowed = offers.map((offer) => [offer.name, rolesMayCall(roles, contract[offer.channel].access)]);
  expect(shown).toEqual(allowed);
}

describe.each(PEOPLE)('what %s is offered', (_who, roles) => {
  it('in the main navigation', async () => {
    renderWithApp(<AppLayout />, { roles, api: LAYOUT_API });
    await screen.findByRole('navigation', { name: 'Main' });
    expectOffersMatchContract(roles, [
      { role: 'link', name: 'Audit', channel: 'audit.list' },
      { role: 'link', name: 'Staff', channel: 'staff.list' },
      { role: 'link', name: 'Settings', channel: 'settings.update' },
      { role: 'link', name: 'Retention', channel: 'retention.list' },
    ]);
  });

  it('when the records may have been changed outside the app, or are read-only', async () => {
    const problems = ['The audit log’s last row does not match its anchor.'];
    const { unmount } = renderWithApp(<AppLayout />, { roles, api: LAYOUT_API, status: { problems, readOnly: false } });
    await screen.findByText('The records may have been changed outside the app.');
    expectOffersMatchContract(roles, [{ role: 'link', name: 'Run Verify', channel: 'audit.verify' }]);
    unmount();
    renderWithApp(<AppLayout />, { roles, api: LAYOUT_API, status: { problems, readOnly: true } });
    await screen.findByText('The records are read-only.');
    expectOffersMatchContract(roles, [{ role: 'link', name: 'Restore from the newest good backup', channel: 'backups.restoreLive' }]);
  });

  it('on the Help page: the staff summary to print', () => {
    renderWithApp(<HelpPage />, { roles, route: 'help' });
    expectOffersMatchContract(roles, [{ role: 'button', name: 'Save the staff summary as a PDF', channel: 'help.staffSummaryPdf' }]);
    expect(screen.getByRole('button', { name: 'Save the staff summary as a PDF' })).toBeTruthy();
  });

  it('on the list of incidents', async () => {
    renderWithApp(<IncidentsPage />, { roles, api: { 'incidents.list': [] } });
    await screen.findByText('No incidents have been recorded yet.');
    expectOffersMatchContract(roles, [
      { role: 'link', name: 'Open a new incident', channel: 'incidents.create' },
      { role: 'link', name: 'Voided incidents', channel: 'incidents.listVoided' },
    ]);
  });

  it('on the list of pupils', async () => {
    renderWithApp(<PupilsPage />, { roles, api: { 'pupils.list': [] } });
    await screen.findByText('No pupils have been recorded yet.');
    expectOffersMatchContract(roles, [{ role: 'link', name: 'Add a pupil', channel: 'pupils.create' }]);
  });

  it('on an open incident', async () => {
    renderWithApp(<IncidentPage />, { roles, ...ON_THE_INCIDENT, api: { 'incidents.get': incident, ...RETENTION_API } });
    await screen.findByRole('heading', { name: new RegExp(incident.incident.title) });
    await afterLegalHoldPanel(roles);
    expectOffersMatchContract(roles, [
      { role: 'link', name: 'Print or export', channel: 'exports.pdf' },
      { role: 'link', name: 'Edit incident details', channel: 'incidents.correct' },
      { role: 'link', name: 'Record a viewing of the imagery', channel: 'entries.create' },
      { role: 'link', name: 'Record: Disclosure', channel: 'entries.create' },
      { role: 'button', name: 'Add a pupil', channel: 'incidents.addPupil' },
      { role: 'button', name: 'Add someone from outside the school', channel: 'incidents.addOtherPerson' },
      { role: 'button', name: 'Change roles of Ayesha Testperson', channel: 'incidents.setRoles' },
      { role: 'button', name: 'Remove Ayesha Testperson from this incident', channel: 'incidents.removePerson' },
      { role: 'button', name: 'Sign', channel: 'entries.sign' },
      { role: 'link', name: 'Edit', channel: 'entries.revise' },
      { role: 'button', name: 'Close the incident', channel: 'incidents.close' },
      { role: 'button', name: 'Void this incident', channel: 'incidents.void' },
      { role: 'button', name: 'Place a legal hold', channel: 'holds.place' },
    ]);
  });

  it('on a closed incident', async () => {
    renderWithApp(<IncidentPage />, { roles, ...ON_THE_INCIDENT, api: { 'incidents.get': { ...incident, incident: { ...incident.incident, status: 'closed' } }, ...RETENTION_API } });
    await screen.findByRole('heading', { name: new RegExp(incident.incident.title) });
    await afterLegalHoldPanel(roles);
    expectOffersMatchContract(roles, [
      { role: 'button', name: 'Reopen incident', channel: 'incidents.reopen' },
      { role: 'link', name: 'Print or export', channel: 'exports.pdf' },
      { role: 'button', name: 'Place a legal hold', channel: 'holds.place' },
    ]);
  });
});

describe('the offers differ by role as the contract says', () => {
  it('lets the headteacher print and sign but not record, and a deputy record but not close or void', () => {
    const may = (roles: Role[], channel: Channel) => rolesMayCall(roles, contract[channel].access);
    expect([may(['head'], 'exports.pdf'), may(['head'], 'entries.sign'), may(['head'], 'entries.create')]).toEqual([true, true, false]);
    expect([may(['deputy'], 'entries.create'), may(['deputy'], 'incidents.close'), may(['deputy'], 'incidents.void')]).toEqual([true, false, false]);
    expect([may([], 'incidents.get'), may([], 'exports.pdf'), may([], 'entries.create')]).toEqual([true, false, false]);
    expect(may(['deputy', 'head'], 'exports.pdf')).toBe(true);
  });
});
