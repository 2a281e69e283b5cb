import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ENTRY_FORM_SPECS } from '../../shared/forms/specs';
import type { FormSpec } from '../../shared/forms/field-spec';
import type { EntryVersion } from '../../shared/ipc/contract';
import { readKey } from '../../renderer/src/api/queries';
import { SpecForm } from '../../renderer/src/features/entries/forms/SpecForm';
import { refusal, type Answers } from './support/fake-api';
import { INCIDENT_ID, incidentDetail, recordedEntry, signedByTheDsl } from './support/fixtures';
import { renderWithApp } from './support/render-with-app';
import { aPerson } from './support/user';

function actionSpec(): FormSpec {
  const spec = ENTRY_FORM_SPECS.action;
  if (!spec) throw new Error('The action form has no spec');
  return spec;
}

/** An incident with no one on it yet. */
const detail = incidentDetail({ people: [] });

/** An action already recorded on that incident, not yet signed. */
const action = recordedEntry(
  'action',
  { about: [], type: 'education', description: 'Talked the class through consent and sharing.', dueOn: '', completedOn: '' },
  { id: 31, entryKey: 'entry-31', summary: 'Education or advice' },
);

/** The version the core writes when `amended` is changed. */
function nextVersionOf(amended: EntryVersion): EntryVersion {
  return { ...amended, id: amended.id + 1, version: amended.version + 1, supersedesId: amended.id, signatures: [] };
}

function renderActionForm(api: Answers, amending?: EntryVersion) {
  const onSaved = vi.fn();
  const rendered = renderWithApp(<SpecForm kind="action" spec={actionSpec()} detail={detail} onSaved={onSaved} {...(amending ? { amending } : {})} />, { api });
  return { ...rendered, onSaved };
}

describe('the entry-form shell', () => {
  it('puts a refusal from the core on its question and in the summary, and does not leave the page', async () => {
    const user = aPerson();
    const { api, onSaved } = renderActionForm({
      'entries.create': () => refusal({ code: 'invalid_input', message: 'Check the form', fields: { 'body.description': 'Describe the action in 4000 characters or fewer' } }),
    });

    await user.type(screen.getByLabelText('Time'), '14:05');
    await user.click(screen.getByLabelText('Education or advice'));
    await user.type(screen.getByLabelText('Describe the action'), 'Assembly on sharing images');
    await user.click(screen.getByRole('button', { name: 'Save record' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Describe the action in 4000 characters or fewer' }).getAttribute('href')).toBe('#field-body-description');
    const description = screen.getByLabelText('Describe the action');
    expect(description.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(description.getAttribute('aria-describedby')?.split(' ').find((id) => id.endsWith('-error')) ?? '')?.textContent).toContain('Describe the action in 4000 characters or fewer');
    const [created, ...more] = api.inputsOf('entries.create');
    expect(more).toEqual([]);
    expect({ ...created, occurredOn: undefined }).toEqual({
      occurredTime: '14:05',
      kind: 'action',
      body: { about: [], type: 'education', description: 'Assembly on sharing images', dueOn: '', completedOn: '' },
      incidentId: INCIDENT_ID,
    });
    expect(created?.occurredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('asks for the reason before amending a signed entry, then saves a new version with it', async () => {
    const user = aPerson();
    const signed = signedByTheDsl(action);
    const { api, client, onSaved } = renderActionForm({ 'entries.revise': nextVersionOf(signed) }, signed);
    // The incident page's answer is in the cache: saving must make it fetch again.
    client.setQueryData(readKey('incidents.get', { incidentId: INCIDENT_ID }), detail);

    await user.click(screen.getByRole('button', { name: 'Save new version' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Give the reason for amending a signed entry' })).toBeTruthy();
    expect(api.inputsOf('entries.revise')).toEqual([]);

    await user.type(screen.getByLabelText('Reason for the amendment'), 'The date was typed wrongly');
    await user.click(screen.getByRole('button', { name: 'Save new version' }));

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    const [revised, ...more] = api.inputsOf('entries.revise');
    expect(more).toEqual([]);
    expect([revised?.entryId, revised?.kind, revised?.reason]).toEqual([action.id, 'action', 'The date was typed wrongly']);
    // What the write changed is not served again from the cache: fetched again if on show, else dropped.
    const after = client.getQueryState(readKey('incidents.get', { incidentId: INCIDENT_ID }));
    expect(after === undefined || after.isInvalidated).toBe(true);
  });

  it('lets an unsigned entry be changed without a reason', async () => {
    const user = aPerson();
    const { api, onSaved } = renderActionForm({ 'entries.revise': nextVersionOf(action) }, action);

    expect(screen.getByLabelText('Reason for the change (optional)')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save new version' }));

    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    const [revised] = api.inputsOf('entries.revise');
    expect(revised?.entryId).toBe(action.id);
    expect(revised && 'reason' in revised).toBe(false);
  });
});
