import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ENTRY_FORM_SPECS } from '../../shared/forms/specs';
import type { FormSpec } from '../../shared/forms/field-spec';
import type { EntryVersion } from '../../shared/ipc/contract';
import { createQueryClient, readKey } from '../../renderer/src/api/queries';
import { SpecForm } from '../../renderer/src/features/entries/forms/SpecForm';
import { actionEntry, incidentDetail } from './support/entry-form-fixtures';
import { fakeCore } from './support/fake-core';

function actionSpec(): FormSpec {
  const spec = ENTRY_FORM_SPECS.action;
  if (!spec) throw new Error('The action form has no spec');
  return spec;
}

/** What the form sent on a channel, as the core received it. */
function sent(core: ReturnType<typeof fakeCore>, channel: string): Record<string, unknown>[] {
  return core.callsTo(channel) as Record<string, unknown>[];
}

function renderActionForm(amending?: EntryVersion) {
  const client = createQueryClient();
  const onSaved = vi.fn();
  render(
    <QueryClientProvider client={client}>
      <SpecForm kind="action" spec={actionSpec()} detail={incidentDetail} onSaved={onSaved} {...(amending ? { amending } : {})} />
    </QueryClientProvider>,
  );
  return { client, onSaved };
}

const saved = (input: unknown) => ({ ok: true as const, value: { ...actionEntry({ signed: false }), ...(input as object) } });

describe('the entry-form shell', () => {
  it('puts a refusal from the core on its question and in the summary, and does not leave the page', async () => {
    const user = userEvent.setup();
    const core = fakeCore({
      'entries.create': () => ({ ok: false, error: { code: 'invalid_input', message: 'Check the form', fields: { 'body.description': 'Describe the action in 4000 characters or fewer' } } }),
    });
    const { onSaved } = renderActionForm();

    await user.type(screen.getByLabelText('Time'), '14:05');
    await user.click(screen.getByLabelText('Education or advice'));
    await user.type(screen.getByLabelText('Describe the action'), 'Assembly on sharing images');
    await user.click(screen.getByRole('button', { name: 'Save record' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Describe the action in 4000 characters or fewer' }).getAttribute('href')).toBe('#field-body-description');
    const description = screen.getByLabelText('Describe the action');
    expect(description.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(description.getAttribute('aria-describedby')?.split(' ').find((id) => id.endsWith('-error')) ?? '')?.textContent).toContain('Describe the action in 4000 characters or fewer');
    const [created, ...more] = sent(core, 'entries.create');
    expect(more).toEqual([]);
    expect({ ...created, occurredOn: undefined }).toEqual({
      occurredTime: '14:05',
      kind: 'action',
      body: { about: [], type: 'education', description: 'Assembly on sharing images', dueOn: '', completedOn: '' },
      incidentId: 7,
    });
    expect(created?.occurredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('asks for the reason before amending a signed entry, then saves a new version with it', async () => {
    const user = userEvent.setup();
    const core = fakeCore({ 'entries.revise': saved });
    const { client, onSaved } = renderActionForm(actionEntry({ signed: true }));
    // The incident page's answer is in the cache: saving must make it fetch again.
    client.setQueryData(readKey('incidents.get', { incidentId: 7 }), incidentDetail);

    await user.click(screen.getByRole('button', { name: 'Save new version' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Give the reason for amending a signed entry' })).toBeTruthy();
    expect(core.callsTo('entries.revise')).toEqual([]);

    await user.type(screen.getByLabelText('Reason for the amendment'), 'The date was typed wrongly');
    await user.click(screen.getByRole('button', { name: 'Save new version' }));

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    const [revised, ...more] = sent(core, 'entries.revise');
    expect(more).toEqual([]);
    expect([revised?.entryId, revised?.kind, revised?.reason]).toEqual([31, 'action', 'The date was typed wrongly']);
    expect(client.getQueryState(readKey('incidents.get', { incidentId: 7 }))?.isInvalidated).toBe(true);
  });

  it('lets an unsigned entry be changed without a reason', async () => {
    const user = userEvent.setup();
    const core = fakeCore({ 'entries.revise': saved });
    const { onSaved } = renderActionForm(actionEntry({ signed: false }));

    expect(screen.getByLabelText('Reason for the change (optional)')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save new version' }));

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    const [revised] = sent(core, 'entries.revise');
    expect(revised?.entryId).toBe(31);
    expect(revised && 'reason' in revised).toBe(false);
  });
});
