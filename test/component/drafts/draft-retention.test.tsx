// Issue 19 item 1: how long unsaved drafts are kept is the school's choice, set by the DSL in
// Settings, within the contract's bounds (decision 0023).
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DraftRetentionSection } from '../../../renderer/src/features/settings/DraftRetentionForm';
import { renderWithApp } from '../support/render-with-app';
import { aPerson } from '../support/user';

describe('keeping drafts, in Settings', () => {
  it('shows the school’s number of days, refuses one out of bounds and saves one within them', async () => {
    const person = aPerson();
    const { api } = renderWithApp(<DraftRetentionSection />, { api: { 'drafts.retention': { days: 30 }, 'drafts.setRetention': ({ days }) => ({ ok: true, value: { days } }) } });
    const box = await screen.findByLabelText('Keep unsaved drafts for this many days');
    expect(box).toHaveProperty('value', '30');

    await person.clear(box);
    await person.type(box, '0');
    await person.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findAllByText('Enter a whole number from 1 to 365')).not.toHaveLength(0);
    expect(api.inputsOf('drafts.setRetention')).toEqual([]);

    await person.clear(box);
    await person.type(box, '45');
    await person.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved. Unsaved drafts are deleted 45 days after they were last typed in.');
    expect(api.inputsOf('drafts.setRetention')).toEqual([{ days: 45 }]);
  });
});
