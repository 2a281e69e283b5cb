// Issue 20 item 5: the destroy page says what will go, refuses a held record in words with no
// button to press, asks for a reason, the reference typed and the password, and afterwards shows
// the certificate with its hash and "Save the certificate as PDF".
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DestructionCertificateView } from '../../../shared/domain/destruction';
import type { DestructionPreview } from '../../../shared/ipc/contract';
import { DestroyPage } from '../../../renderer/src/features/destruction/DestroyPage';
import { renderWithApp } from '../support/render-with-app';

const BACKUPS = 'Backups made before today still hold this record until they age out of the backup folder (or are deleted): destruction cannot reach into them. 3 backups in the backup folder (the oldest made 2026-11-01) may hold it.';

function preview(changes: Partial<DestructionPreview> = {}): DestructionPreview {
  return {
    kind: 'incident',
    id: 7,
    reference: 'YPSI-2019-004',
    confirmAs: 'YPSI-2019-004',
    cameToAttentionOn: '2019-03-12',
    recordedAt: '2019-03-12T09:00:00.000Z',
    closedOn: '2019-05-01T10:00:00.000Z',
    rows: { incidents: 1, incident_people: 2, entries: 5, signatures: 3 },
    refusal: null,
    backupsWarning: BACKUPS,
    ...changes,
  };
}

const CERTIFICATE: DestructionCertificateView = {
  kind: 'incident',
  reference: 'YPSI-2019-004',
  recordId: 7,
  cameToAttentionOn: '2019-03-12',
  recordedAt: '2019-03-12T09:00:00.000Z',
  closedOn: '2019-05-01T10:00:00.000Z',
  decidedBy: 1,
  reason: 'Fictional: retention period ended.',
  dueUnder: null,
  rows: { incidents: 1, incident_people: 2, entries: 5, signatures: 3 },
  contentHash: 'a'.repeat(64),
  hashMethod: 'SHA-256',
  auditSeq: 42,
  at: '2026-11-23T12:00:00.000Z',
  fingerprint: 'b'.repeat(64),
  decidedByName: 'Marigold Thistlewood',
};

const at = { route: 'retention/destroy/:kind/:id', at: '/retention/destroy/incident/7' };

describe('the destroy page', () => {
  it('refuses a record on legal hold in words, with nothing to press', async () => {
    const refusal = 'This record is on legal hold (police investigation, placed 2026-11-20, on an incident it covers), so it cannot be destroyed.';
    const { api } = renderWithApp(<DestroyPage />, { ...at, api: { 'records.destructionPreview': preview({ refusal }) } });
    await screen.findByRole('heading', { name: 'This record cannot be destroyed' });
    expect(screen.getByRole('alert').textContent).toContain(refusal);
    expect(screen.getByText(BACKUPS)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Destroy permanently' })).toBeNull();
    expect(api.inputsOf('records.destroy')).toEqual([]);
  });

  it('asks for a reason before anything is sent', async () => {
    const { api } = renderWithApp(<DestroyPage />, { ...at, api: { 'records.destructionPreview': preview() } });
    await userEvent.click(await screen.findByRole('button', { name: 'Destroy permanently' }));
    await waitFor(() => expect(screen.getAllByText('Say why this record is being destroyed').length).toBeGreaterThan(0));
    expect(api.inputsOf('records.destroy')).toEqual([]);
  });

  it('destroys with the reason, the typed reference and the password, then shows the certificate', async () => {
    const { api } = renderWithApp(<DestroyPage />, {
      ...at,
      api: { 'records.destructionPreview': preview(), 'records.destroy': { certificate: CERTIFICATE, backupsWarning: BACKUPS, vacuumMs: 40 } },
    });
    await screen.findByRole('heading', { name: 'Destroy incident YPSI-2019-004', level: 1 });
    await userEvent.type(screen.getByLabelText('Why it is being destroyed'), 'Fictional: retention period ended.');
    await userEvent.type(screen.getByLabelText('Type it to confirm'), 'YPSI-2019-004');
    await userEvent.type(screen.getByLabelText('Your password, to confirm'), 'correct horse battery staple');
    await userEvent.click(screen.getByRole('button', { name: 'Destroy permanently' }));
    await screen.findByRole('heading', { name: 'Destroyed: YPSI-2019-004', level: 1 });
    expect(api.inputsOf('records.destroy')).toEqual([
      { kind: 'incident', id: 7, reason: 'Fictional: retention period ended.', confirmReference: 'YPSI-2019-004', currentPassword: 'correct horse battery staple' },
    ]);
    expect(screen.getByText('a'.repeat(64))).toBeTruthy();
    expect(screen.getByText(BACKUPS)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save the certificate as PDF' })).toBeTruthy();
  });
});
