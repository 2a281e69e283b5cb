import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createQueryClient, readKey } from '../../renderer/src/api/queries';
import { ResetPasswordForm } from '../../renderer/src/features/staff/ResetPasswordForm';
import { RecoverPasswordForm } from '../../renderer/src/features/unlock/RecoverPasswordForm';
import { fakeCore } from './support/fake-core';

const weak = { acceptable: false, score: 1, warning: 'This is similar to a commonly used password.', suggestions: ['Add another word or two. Uncommon words are better.'] };
const strong = { acceptable: true, score: 4, warning: '', suggestions: [] };

async function fillRecovery(user: ReturnType<typeof userEvent.setup>, password: string, retyped: string) {
  await user.type(screen.getByLabelText('Recovery code'), 'ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345');
  await user.type(screen.getByLabelText('Username'), 'm.testwood');
  await user.type(screen.getByLabelText('New password'), password);
  await user.type(screen.getByLabelText('Confirm new password'), retyped);
}

describe('the new password, typed twice', () => {
  it('says the two do not match, on the second box and in the summary, and sends nothing', async () => {
    const user = userEvent.setup();
    const core = fakeCore({ 'password.check': () => ({ ok: true, value: strong }) });
    render(<RecoverPasswordForm onDone={vi.fn()} />);

    await fillRecovery(user, 'marmalade glacier whistle tandem', 'marmalade glacier whistle tandam');
    await user.click(screen.getByRole('button', { name: 'Reset password' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'The passwords do not match' }).getAttribute('href')).toBe('#field-retypedPassword');
    expect(screen.getByLabelText('Confirm new password').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('New password', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    expect(core.callsTo('recovery.resetPassword')).toEqual([]);
  });

  it('sends the password once, without the retyped copy, when the two match', async () => {
    const user = userEvent.setup();
    const core = fakeCore({
      'password.check': () => ({ ok: true, value: strong }),
      'recovery.resetPassword': () => ({ ok: true, value: { rekey: { rekeyed: true } } }),
    });
    const onDone = vi.fn();
    render(<RecoverPasswordForm onDone={onDone} />);

    await fillRecovery(user, 'marmalade glacier whistle tandem', 'marmalade glacier whistle tandem');
    await user.click(screen.getByRole('button', { name: 'Reset password' }));

    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith(true, undefined));
    expect(core.callsTo('recovery.resetPassword')).toEqual([
      { recoveryCode: 'ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345', username: 'm.testwood', newPassword: 'marmalade glacier whistle tandem' },
    ]);
  });

  it('shows how strong the new password is, with the core’s advice, as it is typed', async () => {
    const user = userEvent.setup();
    const core = fakeCore({ 'password.check': (input) => ({ ok: true, value: (input as { password: string }).password.length > 12 ? strong : weak }) });
    render(<RecoverPasswordForm onDone={vi.fn()} />);

    await user.type(screen.getByLabelText('Username'), 'm.testwood');
    await user.type(screen.getByLabelText('New password'), 'password1');
    expect(await screen.findByText('Weak')).toBeTruthy();
    expect(screen.getByText(/not strong enough yet/)).toBeTruthy();
    expect(screen.getByText('Add another word or two. Uncommon words are better.')).toBeTruthy();
    // The username is among the words an attacker would try first.
    expect(core.callsTo('password.check').at(-1)).toEqual({ password: 'password1', userInputs: ['m.testwood'] });

    await user.type(screen.getByLabelText('New password'), ' marmalade glacier');
    expect(await screen.findByText('Very strong')).toBeTruthy();
    expect(screen.getByText(/good enough/)).toBeTruthy();
  });

  it('keeps the new password apart from the DSL’s own password, asked to confirm a reset, and refreshes the staff list', async () => {
    const user = userEvent.setup();
    const rekey = { rekeyed: true, resealed: 2, needReset: [], recoveryDropped: false };
    const core = fakeCore({ 'password.check': () => ({ ok: true, value: strong }), 'staff.resetPassword': () => ({ ok: true, value: { done: true, rekey } }) });
    const client = createQueryClient();
    client.setQueryData(readKey('staff.list', {}), []);
    const onDone = vi.fn();
    render(
      <QueryClientProvider client={client}>
        <ResetPasswordForm member={{ id: 4, name: 'Dafydd Testmore', username: 'd.testmore', roles: ['deputy'], active: true }} onDone={onDone} onCancel={vi.fn()} />
      </QueryClientProvider>,
    );

    await user.type(screen.getByLabelText('New password'), 'lantern orchard pebble violin');
    await user.type(screen.getByLabelText('Confirm new password'), 'lantern orchard pebble violin');
    await user.type(screen.getByLabelText('Your password, to confirm'), 'the dsl’s own password');
    await user.click(screen.getByRole('button', { name: 'Reset password' }));

    await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith(rekey));
    expect(core.callsTo('staff.resetPassword')).toEqual([{ staffId: 4, newPassword: 'lantern orchard pebble violin', currentPassword: 'the dsl’s own password' }]);
    expect(client.getQueryState(readKey('staff.list', {}))?.isInvalidated).toBe(true);
  });
});
