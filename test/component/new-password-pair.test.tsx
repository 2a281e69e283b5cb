import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { readKey } from '../../renderer/src/api/queries';
import { ResetPasswordForm } from '../../renderer/src/features/staff/ResetPasswordForm';
import { RecoverPasswordForm } from '../../renderer/src/features/unlock/RecoverPasswordForm';
import { renderWithApp } from './support/render-with-app';
import { aPerson, type Person } from './support/user';

const weak = { acceptable: false, score: 1, warning: 'This is similar to a commonly used password.', suggestions: ['Add another word or two. Uncommon words are better.'] };
const strong = { acceptable: true, score: 4, warning: '', suggestions: [] };
/** Every key slot resealed under the fresh key. */
const rekeyed = { rekeyed: true as const, resealed: 2, needReset: [], recoveryDropped: false };

async function fillRecovery(user: Person, password: string, retyped: string) {
  await user.type(screen.getByLabelText('Recovery code'), 'ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345');
  await user.type(screen.getByLabelText('Username'), 'm.testwood');
  await user.type(screen.getByLabelText('New password'), password);
  await user.type(screen.getByLabelText('Confirm new password'), retyped);
}

describe('the new password, typed twice', () => {
  it('says the two do not match, on the second box and in the summary, and sends nothing', async () => {
    const user = aPerson();
    const { api } = renderWithApp(<RecoverPasswordForm onDone={vi.fn()} />, { api: { 'password.check': strong } });

    await fillRecovery(user, 'marmalade glacier whistle tandem', 'marmalade glacier whistle tandam');
    await user.click(screen.getByRole('button', { name: 'Reset password' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'The passwords do not match' }).getAttribute('href')).toBe('#field-retypedPassword');
    expect(screen.getByLabelText('Confirm new password').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('New password', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    expect(api.inputsOf('recovery.resetPassword')).toEqual([]);
  });

  it('sends the password once, without the retyped copy, when the two match', async () => {
    const user = aPerson();
    const onDone = vi.fn();
    const { api } = renderWithApp(<RecoverPasswordForm onDone={onDone} />, { api: { 'password.check': strong, 'recovery.resetPassword': { done: true, rekey: rekeyed } } });

    await fillRecovery(user, 'marmalade glacier whistle tandem', 'marmalade glacier whistle tandem');
    await user.click(screen.getByRole('button', { name: 'Reset password' }));

    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith(true, undefined));
    expect(api.inputsOf('recovery.resetPassword')).toEqual([
      { recoveryCode: 'ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345', username: 'm.testwood', newPassword: 'marmalade glacier whistle tandem' },
    ]);
  });

  it('shows how strong the new password is, with the core’s advice, as it is typed', async () => {
    const user = aPerson();
    const { api } = renderWithApp(<RecoverPasswordForm onDone={vi.fn()} />, { api: { 'password.check': ({ password }) => ({ ok: true, value: password.length > 12 ? strong : weak }) } });

    await user.type(screen.getByLabelText('Username'), 'm.testwood');
    await user.type(screen.getByLabelText('New password'), 'password1');
    expect(await screen.findByText('Weak')).toBeTruthy();
    expect(screen.getByText(/not strong enough yet/)).toBeTruthy();
    expect(screen.getByText('Add another word or two. Uncommon words are better.')).toBeTruthy();
    // The username is among the words an attacker would try first.
    expect(api.inputsOf('password.check').at(-1)).toEqual({ password: 'password1', userInputs: ['m.testwood'] });

    await user.type(screen.getByLabelText('New password'), ' marmalade glacier');
    expect(await screen.findByText('Very strong')).toBeTruthy();
    expect(screen.getByText(/good enough/)).toBeTruthy();
  });

  it('keeps the new password apart from the DSL’s own password, asked to confirm a reset, and refreshes the staff list', async () => {
    const user = aPerson();
    const onDone = vi.fn();
    const { api, client } = renderWithApp(
      <ResetPasswordForm member={{ id: 4, name: 'Dafydd Testmore', username: 'd.testmore', roles: ['deputy'], active: true }} onDone={onDone} onCancel={vi.fn()} />,
      { api: { 'password.check': strong, 'staff.resetPassword': { done: true, rekey: rekeyed } } },
    );
    client.setQueryData(readKey('staff.list', {}), []);

    await user.type(screen.getByLabelText('New password'), 'lantern orchard pebble violin');
    await user.type(screen.getByLabelText('Confirm new password'), 'lantern orchard pebble violin');
    await user.type(screen.getByLabelText('Your password, to confirm'), 'the dsl’s own password');
    await user.click(screen.getByRole('button', { name: 'Reset password' }));

    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith(rekeyed));
    expect(api.inputsOf('staff.resetPassword')).toEqual([{ staffId: 4, newPassword: 'lantern orchard pebble violin', currentPassword: 'the dsl’s own password' }]);
    // What the write changed is not served again from the cache: fetched again if on show, else dropped.
    const after = client.getQueryState(readKey('staff.list', {}));
    expect(after === undefined || after.isInvalidated).toBe(true);
  });
});
