// Issue 19 item 2 on screen: the What-is-due page sorted by date, filtered through the address,
// and an action marked done in one step with a note (an amendment of the action entry).
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contract, type Output } from '../../../shared/ipc/contract';
import { WhatIsDuePage } from '../../../renderer/src/features/due/WhatIsDuePage';
import { recordedEntry } from '../support/fixtures';
import { renderWithApp } from '../support/render-with-app';
import { aPerson, fillIn } from '../support/user';

const DANA = 1; // the DSL signed in (fixtures.ts)
const OTTO = 5;
const ACTION_BODY = { type: 'follow-up', description: 'Meet Pupil A’s parents', dueOn: '2026-11-21', completedOn: '', owner: OTTO };

function item(key: string, fields: Record<string, unknown>) {
  return { key, kind: 'action', what: key, incidentId: 7, reference: 'YPSI-2026-007', entryId: 40, ownerStaffId: null, ownerRole: null, ownerWords: 'Anyone', dueOn: '', now: false, overdue: false, link: '/incidents/7', action: null, ...fields };
}

const due: Output<'due.list'> = contract['due.list'].output.parse({
  today: '2026-11-23',
  staff: [
    { id: DANA, name: 'Dana Example', roles: ['dsl'], active: true },
    { id: OTTO, name: 'Otto Quillby', roles: [], active: true },
  ],
  items: [
    item('Confirm deletion by Pupil B', { kind: 'deletion', dueOn: '2026-11-30', entryId: 41 }),
    item('Meet Pupil A’s parents', { dueOn: '2026-11-21', overdue: true, ownerStaffId: OTTO, ownerWords: 'Otto Quillby', action: { occurredAt: '2026-11-20T10:30:00.000Z', body: ACTION_BODY } }),
    item('Review the decision', { kind: 'review', incidentId: 8, reference: 'YPSI-2026-008', entryId: 42, dueOn: '2026-12-01', ownerRole: 'dsl', ownerWords: 'A DSL' }),
    item('Device held: Blue tablet', { kind: 'device', entryId: 43 }),
  ],
});

function open(at = '/due') {
  const rendered = renderWithApp(<WhatIsDuePage />, {
    route: 'due',
    at,
    api: {
      'due.list': due,
      'entries.revise': recordedEntry('action', { ...ACTION_BODY, completedOn: '2026-11-23' }, { id: 44, version: 2, amendmentReason: 'Met them after school.' }),
    },
  });
  return rendered;
}

async function whatColumn(): Promise<string[]> {
  const table = await screen.findByRole('table', { name: 'What is due' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('td')?.firstChild?.textContent ?? '');
}

describe('What is due', () => {
  it('shows what is overdue first, then by date, and turns the order round from the Due heading', async () => {
    const user = aPerson();
    open();
    expect(await whatColumn()).toEqual(['Meet Pupil A’s parents', 'Confirm deletion by Pupil B', 'Review the decision', 'Device held: Blue tablet']);
    expect(screen.getAllByRole('row')[1]?.textContent).toContain('Overdue: 21 Nov 2026');

    await user.click(screen.getByRole('button', { name: /^Due \(soonest first\)/ }));
    expect(await whatColumn()).toEqual(['Device held: Blue tablet', 'Review the decision', 'Confirm deletion by Pupil B', 'Meet Pupil A’s parents']);
    expect(screen.getByRole('columnheader', { name: /^Due/ }).getAttribute('aria-sort')).toBe('descending');
  });

  it('filters by owner and by incident, and opens with the filters the address gives', async () => {
    const user = aPerson();
    open();
    await screen.findByRole('table', { name: 'What is due' });
    await user.selectOptions(screen.getByLabelText('Whose'), 'Otto Quillby');
    expect(await whatColumn()).toEqual(['Meet Pupil A’s parents']);
    await user.selectOptions(screen.getByLabelText('Whose'), 'Dana Example (you)');
    expect(await whatColumn()).toEqual(['Review the decision']);
    await user.selectOptions(screen.getByLabelText('Whose'), 'Everyone’s');
    await user.selectOptions(screen.getByLabelText('Incident'), 'YPSI-2026-007');
    expect(await whatColumn()).toEqual(['Meet Pupil A’s parents', 'Confirm deletion by Pupil B', 'Device held: Blue tablet']);
  });

  it('reads its filters and order from the address, so Back returns to the list as it was', async () => {
    open(`/due?owner=anyone&incident=7&order=latest`);
    expect(await whatColumn()).toEqual(['Device held: Blue tablet', 'Confirm deletion by Pupil B']);
    expect(screen.getByLabelText<HTMLSelectElement>('Whose').value).toBe('anyone');
    expect(screen.getByLabelText<HTMLSelectElement>('Incident').value).toBe('7');
  });

  it('marks an action done with the date and a note, as an amendment of the action', async () => {
    const user = aPerson();
    const { api } = open();
    await screen.findByRole('table', { name: 'What is due' });
    await user.click(await screen.findByRole('button', { name: 'Mark done: Meet Pupil A’s parents' }));
    const form = screen.getByRole('form', { name: 'Mark done: Meet Pupil A’s parents' });
    expect(within(form).getByLabelText<HTMLInputElement>('Done on').value).toBe('2026-11-23');

    await user.click(within(form).getByRole('button', { name: 'Save as done' }));
    expect(within(form).getByText('Write a note of what was done')).toBeTruthy();
    expect(api.inputsOf('entries.revise')).toEqual([]);

    await fillIn(user, within(form).getByLabelText(/^Note of what was done/), 'Met them after school.');
    await user.click(within(form).getByRole('button', { name: 'Save as done' }));
    await screen.findByRole('table', { name: 'What is due' });
    expect(api.inputsOf('entries.revise')).toEqual([
      { entryId: 40, occurredOn: '2026-11-20', occurredTime: '10:30', kind: 'action', body: { ...ACTION_BODY, completedOn: '2026-11-23' }, reason: 'Met them after school.' },
    ]);
  });
});
