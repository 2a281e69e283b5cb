// Issue 19 item 2: at sign-in the home page reminds the person of what is overdue and theirs,
// in a panel they can dismiss for the session (never a dialog in their way), and the
// dashboard's next seven days link to the whole list.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contract, type Output } from '../../../shared/ipc/contract';
import { DueSoon } from '../../../renderer/src/features/due/DueSoon';
import { OverdueReminder } from '../../../renderer/src/features/due/OverdueReminder';
import { renderWithApp } from '../support/render-with-app';
import { aPerson } from '../support/user';

const DANA = 1; // the DSL signed in (fixtures.ts)
const OTTO = 5;

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
    item('Call Pupil A’s parents', { dueOn: '2026-11-20', overdue: true, ownerStaffId: DANA, ownerWords: 'Dana Example' }),
    item('Back up the records (no backup in the last 7 days)', { kind: 'backup', incidentId: null, reference: null, entryId: null, dueOn: '2026-11-19', overdue: true, ownerRole: 'dsl', ownerWords: 'A DSL', link: '/backups' }),
    item('Collect the parental consent form', { dueOn: '2026-11-18', overdue: true, ownerStaffId: OTTO, ownerWords: 'Otto Quillby' }),
    item('Confirm deletion by Pupil B', { kind: 'deletion', dueOn: '2026-11-29' }),
    item('Review the decision', { kind: 'review', dueOn: '2026-12-15', ownerRole: 'dsl', ownerWords: 'A DSL' }),
  ],
});

describe('the reminder at sign-in', () => {
  it('lists only what is overdue and the person’s own, by name or role, until dismissed for the session', async () => {
    const user = aPerson();
    renderWithApp(<OverdueReminder />, { api: { 'due.list': due } });
    // The backup is the DSL's too, but the home page's Backups panel already says it.
    const panel = await screen.findByRole('region', { name: 'Overdue and yours (1)' });
    const lines = within(panel).getAllByRole('listitem').map((li) => li.textContent);
    expect(lines).toEqual(['YPSI-2026-007: Call Pupil A’s parents (due 20 Nov 2026)']);
    expect(screen.queryByRole('dialog')).toBeNull();

    await user.click(within(panel).getByRole('button', { name: 'Dismiss until next sign-in' }));
    expect(screen.queryByRole('region', { name: /Overdue and yours/ })).toBeNull();
  });

  it('shows nothing to someone with nothing overdue of theirs', async () => {
    const notDanas = { ...due, items: due.items.filter((i) => i.ownerStaffId === OTTO || !i.overdue) };
    renderWithApp(
      <>
        <OverdueReminder />
        <DueSoon />
      </>,
      { api: { 'due.list': notDanas } },
    );
    // The home page's list has the same answer drawn: the reminder had it too.
    await screen.findByRole('list', { name: 'Due in the next 7 days' });
    expect(screen.queryByRole('region', { name: /Overdue and yours/ })).toBeNull();
  });
});

describe('the dashboard’s next seven days', () => {
  it('lists what is overdue and what falls due within a week, and links to the whole list', async () => {
    renderWithApp(<DueSoon />, { api: { 'due.list': due } });
    const list = await screen.findByRole('list', { name: 'Due in the next 7 days' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'YPSI-2026-007 — Collect the parental consent form (Otto Quillby; overdue, due 18 Nov 2026)',
      'YPSI-2026-007 — Call Pupil A’s parents (Dana Example; overdue, due 20 Nov 2026)',
      'YPSI-2026-007 — Confirm deletion by Pupil B (Anyone; due 29 Nov 2026)',
    ]);
    expect(screen.getByRole('heading', { name: 'Due in the next 7 days (3)' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Everything that is due' }).getAttribute('href')).toBe('/due');
  });
});
