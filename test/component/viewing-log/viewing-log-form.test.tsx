// Issue 18 item 3 on the form: someone without an account in the app (guidance section 2,
// "Viewing the imagery") is chosen from the same lists as staff, and named with their role.
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ViewingLogForm } from '../../../renderer/src/features/viewing-log/ViewingLogForm';
import type { Answers } from '../support/fake-api';
import { incidentDetail, recordedEntry } from '../support/fixtures';
import { renderWithApp } from '../support/render-with-app';
import { aPerson, fillIn, type Person } from '../support/user';

const detail = incidentDetail();

const SAVED_BODY = {
  place: 'Head’s office',
  onPremises: 'yes',
  viewerStaffId: 1,
  viewerAuthority: 'dsl',
  presentStaffId: 'no-account',
  presentName: 'Ezra Quillfeather',
  presentRole: 'IT technician',
  presentAlsoViewed: false,
  sameSex: 'yes',
  notSameSexReason: '',
  reason: 'unavoidable',
  reasonFacts: 'Found on a school laptop during a routine check.',
  headConsulted: 'yes',
  nothingCopied: true,
  subsequentActions: '',
  staffSupport: 'not_yet',
};

function renderForm(api: Answers = {}) {
  const onSaved = vi.fn();
  const rendered = renderWithApp(<ViewingLogForm detail={detail} onSaved={onSaved} />, { api });
  return { ...rendered, onSaved };
}

/** Everything but who was present, answered as the DSL would. */
async function answerTheRest(user: Person) {
  await user.type(screen.getByLabelText('Time'), '10:15');
  await fillIn(user, screen.getByLabelText('Where it was viewed', { exact: false }), 'Head’s office');
  await user.click(within(screen.getByRole('group', { name: 'Was it viewed on school premises?' })).getByLabelText('Yes'));
  await user.selectOptions(screen.getByLabelText('Who viewed the imagery?', { exact: false }), 'Dana Example');
  await user.click(screen.getByLabelText('The DSL'));
  await user.click(within(screen.getByRole('group', { name: /same sex/ })).getByLabelText('Yes'));
  await user.click(screen.getByLabelText(/^It was unavoidable/));
  await fillIn(user, screen.getByLabelText('The facts behind that reason'), 'Found on a school laptop during a routine check.');
  await user.click(within(screen.getByRole('group', { name: /discussed with the headteacher/ })).getByLabelText('Yes'));
  await user.click(screen.getByLabelText('The imagery was not copied, printed or shared', { exact: false }));
}

describe('the viewing log form, with someone without an account', () => {
  it('asks for the name and role of someone without an account who was present, then saves them', async () => {
    const user = aPerson();
    const { api, onSaved } = renderForm({ 'entries.create': recordedEntry('viewing-log', SAVED_BODY) });
    await answerTheRest(user);

    expect(screen.queryByLabelText('Name of the person present')).toBeNull();
    await user.selectOptions(screen.getByLabelText('Who else was present?', { exact: false }), 'Someone without an account');
    expect(screen.getByText(/will not be complete until a DSL signs it/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Save viewing record' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Enter the name of the person who was present' })).toBeTruthy();
    expect(within(summary).getByRole('link', { name: 'Enter their role, for example “class teacher” or “IT technician”' })).toBeTruthy();
    expect(api.inputsOf('entries.create')).toEqual([]);

    await fillIn(user, screen.getByLabelText('Name of the person present'), 'Ezra Quillfeather');
    await fillIn(user, screen.getByLabelText('Their role', { exact: false }), 'IT technician');
    await user.click(screen.getByRole('button', { name: 'Save viewing record' }));

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    const [created] = api.inputsOf('entries.create');
    expect(created?.body).toMatchObject({ viewerStaffId: 1, presentStaffId: 'no-account', presentName: 'Ezra Quillfeather', presentRole: 'IT technician' });
  });

  it('offers the choice for the viewer too, and forgets a typed name when a member of staff is chosen instead', async () => {
    const user = aPerson();
    const { api, onSaved } = renderForm({ 'entries.create': recordedEntry('viewing-log', { ...SAVED_BODY, presentStaffId: 'none', presentName: undefined, presentRole: undefined }) });
    await answerTheRest(user);
    const viewer = screen.getByLabelText('Who viewed the imagery?', { exact: false });
    await user.selectOptions(viewer, 'Someone without an account');
    await fillIn(user, screen.getByLabelText('Name of the person who viewed it'), 'Sam Ortiz');
    await fillIn(user, screen.getByLabelText('Their role', { exact: false }), 'class teacher');
    await user.selectOptions(viewer, 'Dana Example');
    expect(screen.queryByLabelText('Name of the person who viewed it')).toBeNull();
    await user.selectOptions(screen.getByLabelText('Who else was present?', { exact: false }), 'No one else was present');
    expect(screen.queryByText(/will not be complete until a DSL signs it/)).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Save viewing record' }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    const [created] = api.inputsOf('entries.create');
    expect(created?.body).toMatchObject({ viewerStaffId: 1, presentStaffId: 'none' });
    expect(created?.body).not.toHaveProperty('viewerName');
  });
});
