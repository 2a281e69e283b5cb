import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PRACTICE_MARK } from '../../../shared/domain/practice';
import { BackupsPage } from '../../../renderer/src/features/backups/BackupsPage';
import { PracticePage } from '../../../renderer/src/features/practice/PracticePage';
import { renderWithApp } from '../support/render-with-app';
import { signedInStatus } from '../support/fixtures';

// Issue 22 item 1 (decision 0032): the Practice page says what practice mode is, opens it with
// the person's own password, and from inside it offers only the way back.
describe('the Practice page', () => {
  it('opens practice mode with the person’s own password, and links to the scenarios', async () => {
    const { api } = renderWithApp(<PracticePage />, {
      roles: ['deputy'],
      route: 'practice',
      api: { 'practice.open': signedInStatus(['dsl'], { practice: true, schoolName: PRACTICE_MARK }) },
    });
    expect(await screen.findByRole('heading', { name: 'Practice', level: 1 })).toBeTruthy();
    expect(screen.getByText(/never backed up/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'practice scenarios' }).getAttribute('href')).toBe('/practice/scenarios');
    expect(screen.queryByRole('button', { name: 'Return to the real records' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Your password, to confirm'), { target: { value: 'lantern biscuit orbit meadow' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open practice mode' }));
    await vi.waitFor(() => expect(api.inputsOf('practice.open')).toEqual([{ currentPassword: 'lantern biscuit orbit meadow' }]));
  });

  it('asks for the password before calling the core', async () => {
    const { api } = renderWithApp(<PracticePage />, { roles: ['deputy'], route: 'practice' });
    fireEvent.click(await screen.findByRole('button', { name: 'Open practice mode' }));
    expect(await screen.findAllByText('Enter your password, to confirm')).not.toHaveLength(0);
    expect(api.inputsOf('practice.open')).toEqual([]);
  });

  it('in practice, offers only the return to the real records', async () => {
    const { api } = renderWithApp(<PracticePage />, {
      route: 'practice',
      status: { practice: true, schoolName: PRACTICE_MARK },
      api: { 'practice.close': signedInStatus(['deputy']) },
    });
    expect(screen.queryByRole('button', { name: 'Open practice mode' })).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: 'Return to the real records' }));
    await vi.waitFor(() => expect(api.inputsOf('practice.close')).toEqual([{}]));
  });
});

describe('the Backups page in practice', () => {
  it('says backups are off and asks the core nothing about them', async () => {
    const { api } = renderWithApp(<BackupsPage />, { route: 'backups', status: { practice: true, schoolName: PRACTICE_MARK } });
    expect(await screen.findByText(/Backups are off in practice mode/)).toBeTruthy();
    expect(api.calls.map((c) => c.channel)).not.toContain('backups.status');
  });
});
