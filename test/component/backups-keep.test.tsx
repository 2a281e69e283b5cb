// How many backups to keep: the same number form as the drafts' setting, with the backups'
// own bounds, and the core's refusal shown on the field.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { KeepForm } from '../../renderer/src/features/backups/KeepForm';
import { renderWithApp } from './support/render-with-app';
import { describedText } from './support/queries';
import { aPerson } from './support/user';

describe('backups to keep', () => {
  it('refuses a number out of bounds, shows the core’s refusal on the field, and says what was saved', async () => {
    const person = aPerson();
    let refuse = true;
    const { api } = renderWithApp(<KeepForm initial={14} />, {
      api: {
        'backups.configure': ({ keep }) =>
          refuse ? { ok: false, error: { code: 'invalid_input', message: 'Check the number.', fields: { keep: 'Choose a backup folder first' } } } : { ok: true, value: { folder: 'E:\\Backups', folderAvailable: true, keep, lastBackup: null, recent: false, backups: [] } },
      },
    });
    const box = screen.getByLabelText('Number of backups to keep');
    expect(box).toHaveProperty('value', '14');

    await person.clear(box);
    await person.type(box, '0');
    await person.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findAllByText(/Enter a whole number from \d+ to \d+/)).not.toHaveLength(0);
    expect(api.inputsOf('backups.configure')).toEqual([]);

    await person.clear(box);
    await person.type(box, '20');
    await person.click(screen.getByRole('button', { name: 'Save' }));
    // On the box itself, not only in the summary above the form.
    await screen.findAllByText('Choose a backup folder first');
    expect(describedText(screen.getByLabelText('Number of backups to keep'))).toContain('Choose a backup folder first');

    refuse = false;
    await person.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved. The newest 20 backups will be kept; older ones are removed after the next backup.');
    expect(api.inputsOf('backups.configure')).toEqual([{ keep: 20 }, { keep: 20 }]);
  });
});
