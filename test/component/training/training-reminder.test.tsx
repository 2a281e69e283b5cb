// Issue 22 item 4 on screen: a DSL or deputy whose refresher training is due is told on their
// home page; the DSL records training dates on the Staff page, sent to the core as numbers.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TrainingReminder } from '../../../renderer/src/features/home/TrainingReminder';
import { TrainingDatesPanel } from '../../../renderer/src/features/staff/TrainingDatesPanel';
import { renderWithApp } from '../support/render-with-app';
import { aPerson } from '../support/user';

const DEPUTY = { staffId: 4, name: 'Odette Fairweather', roleWords: 'Deputy DSL', refresh: null };

describe('DSL refresher training', () => {
  it('reminds the person on their home page once it is due soon, and says nothing while it is not', async () => {
    renderWithApp(<TrainingReminder />, { api: { 'training.mine': { refresh: { trainedOn: '2024-12-01', dueBy: '2026-12-01', state: 'due-soon' } } } });
    const panel = await screen.findByRole('region', { name: 'Your DSL refresher training is due soon' });
    expect(panel.textContent).toContain('due by 1 Dec 2026');
  });

  it('is not shown while the training is current', async () => {
    const { api } = renderWithApp(<TrainingReminder />, { api: { 'training.mine': { refresh: { trainedOn: '2026-01-10', dueBy: '2028-01-10', state: 'current' } } } });
    await expect.poll(() => api.inputsOf('training.mine').length).toBe(1);
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('lets the DSL record a deputy’s training date, and says when the refresher falls', async () => {
    const after = { people: [{ ...DEPUTY, refresh: { trainedOn: '2026-11-02', dueBy: '2028-11-02', state: 'current' as const } }] };
    const { api } = renderWithApp(<TrainingDatesPanel />, { api: { 'training.list': { people: [DEPUTY] }, 'training.set': after } });
    const form = await screen.findByRole('form', { name: 'Record DSL training' });
    await aPerson().click(screen.getByRole('button', { name: 'Record the training date' }));
    expect((await screen.findAllByText('Choose a DSL or deputy')).length).toBeGreaterThan(0);
    expect(api.inputsOf('training.set')).toEqual([]);
    await aPerson().selectOptions(screen.getByLabelText('Who was trained'), '4');
    await aPerson().type(screen.getByLabelText('Date of their last DSL training'), '2026-11-02');
    await aPerson().click(screen.getByRole('button', { name: 'Record the training date' }));
    await screen.findByText(/the refresher is due by 2 Nov 2028/);
    expect(api.inputsOf('training.set')).toEqual([{ staffId: 4, trainedOn: '2026-11-02' }]);
    expect(form).toBeTruthy();
  });
});
