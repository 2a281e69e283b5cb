// Issue 18 item 3: the people table shows each kind of person from outside the school, and
// the add panel asks each kind only what it has (UKCCIS 2016, Annex F: case 3's "over 200
// students", case 6's boy from another school). Every name here is made up.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PeopleSection } from '../../../renderer/src/features/incidents/PeopleSection';
import { AYESHA, INCIDENT_ID, incidentDetail, otherOnIncident } from '../support/fixtures';
import { renderWithApp } from '../support/render-with-app';
import { aPerson, fillIn } from '../support/user';

const ACCOUNT = otherOnIncident({ id: 21, name: '@moonlit.fox.77', kind: 'online-account', roles: ['requested', 'received'], age: null, setting: 'Snapchat' });
const GROUP = otherOnIncident({ id: 22, name: 'Pupils who were sent the photo', kind: 'group', roles: ['received'], age: null, groupSize: 200 });
const BOY = otherOnIncident({ id: 23, name: 'Lysander Quickthorn', kind: 'young_person', roles: ['sent'], age: 14, setting: 'Harrowgate School' });

function showPeople() {
  const detail = incidentDetail({ people: [AYESHA, ACCOUNT, GROUP, BOY] });
  return renderWithApp(<PeopleSection detail={detail} canRecord />, { api: { 'incidents.addOtherPerson': GROUP } });
}

const rowOf = (name: string) => screen.getByRole('row', { name: new RegExp(name) });

describe('the people table', () => {
  it('shows each person’s kind, setting or service, a group’s size, and “Not known” for an account’s age', () => {
    showPeople();
    expect(within(rowOf('@moonlit.fox.77')).getAllByRole('cell').map((c) => c.textContent)).toEqual(
      expect.arrayContaining(['@moonlit.fox.77 — Online account, age not known, on Snapchat', 'Not known', 'Asked for or pressured someone to send it; Received it']),
    );
    expect(within(rowOf('Pupils who were sent the photo')).getByText(/Group of about 200 people/)).toBeTruthy();
    expect(within(rowOf('Lysander')).getByText(/Young person from another school or setting: Harrowgate School/)).toBeTruthy();
  });
});

describe('adding someone from outside the school', () => {
  it('asks a group for its description and number, not an age, and says when the number is missing', async () => {
    const user = aPerson();
    const { api } = showPeople();
    await user.click(screen.getByRole('button', { name: 'Add someone from outside the school' }));
    await user.click(screen.getByLabelText(/^A group/));
    expect(screen.queryByLabelText('Age in years (if known)')).toBeNull();
    expect(screen.queryByLabelText('Date of birth (if known)')).toBeNull();
    await fillIn(user, screen.getByLabelText('Description of the group'), 'Pupils who were sent the photo');
    await user.click(screen.getByLabelText('Received it'));
    await user.click(screen.getByRole('button', { name: 'Add to incident' }));
    expect((await screen.findAllByText('Enter about how many people are in the group')).length).toBeGreaterThan(0);
    expect(api.inputsOf('incidents.addOtherPerson')).toEqual([]);

    await fillIn(user, screen.getByLabelText('About how many people are in it?'), '200');
    await user.click(screen.getByRole('button', { name: 'Add to incident' }));
    await screen.findByRole('button', { name: 'Add someone from outside the school' });
    expect(api.inputsOf('incidents.addOtherPerson')).toEqual([
      {
        incidentId: INCIDENT_ID,
        person: { kind: 'group', name: 'Pupils who were sent the photo', age: null, dateOfBirth: '', sex: 'not_known', setting: '', relationship: '', groupSize: 200 },
        roles: ['received'],
      },
    ]);
  });

  it('asks an online account for its username and service, and says it is not by itself an adult', async () => {
    const user = aPerson();
    const { api } = showPeople();
    await user.click(screen.getByRole('button', { name: 'Add someone from outside the school' }));
    await user.click(screen.getByLabelText('An online account whose age is not known'));
    expect(screen.getByRole('note').textContent).toMatch(/does not by itself meet point 1/);
    expect(screen.queryByLabelText('Age in years (if known)')).toBeNull();
    await fillIn(user, screen.getByLabelText('Username or handle'), '@moonlit.fox.77');
    await fillIn(user, screen.getByLabelText('Service or app (if known)'), 'Snapchat');
    await user.click(screen.getByLabelText('Asked for or pressured someone to send it'));
    await user.click(screen.getByRole('button', { name: 'Add to incident' }));
    await screen.findByRole('button', { name: 'Add someone from outside the school' });
    expect(api.inputsOf('incidents.addOtherPerson').map((i) => [i.person, i.roles])).toEqual([
      [{ kind: 'online-account', name: '@moonlit.fox.77', age: null, dateOfBirth: '', sex: 'not_known', setting: 'Snapchat', relationship: '', groupSize: null }, ['requested']],
    ]);
  });

  it('needs a young person’s school or setting, and takes “not known”', async () => {
    const user = aPerson();
    const { api } = showPeople();
    await user.click(screen.getByRole('button', { name: 'Add someone from outside the school' }));
    await user.click(screen.getByLabelText('A young person from another school or setting'));
    await fillIn(user, screen.getByLabelText('Name'), 'A boy from another school');
    await fillIn(user, screen.getByLabelText('Age in years (if known)'), '16');
    await user.click(screen.getByLabelText('Sent or shared it'));
    await user.click(screen.getByRole('button', { name: 'Add to incident' }));
    expect((await screen.findAllByText('Enter the school or setting they attend, or “not known”')).length).toBeGreaterThan(0);
    await fillIn(user, screen.getByLabelText('Which school, college or setting they attend'), 'not known');
    await user.click(screen.getByRole('button', { name: 'Add to incident' }));
    await screen.findByRole('button', { name: 'Add someone from outside the school' });
    expect(api.inputsOf('incidents.addOtherPerson').map((i) => i.person)).toEqual([
      { kind: 'young_person', name: 'A boy from another school', age: 16, dateOfBirth: '', sex: 'not_known', setting: 'not known', relationship: '', groupSize: null },
    ]);
  });
});
