// Issue 20 item 1 on the pupil page: whether the pupil is on roll or has left, marking them as
// left, and for a former pupil with an incident the prompt to transfer their child-protection
// file by the KCSIE deadline (or, once prepared, where the transfer stands). Fictional names.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Pupil } from '../../../shared/domain/pupils';
import type { TransferView } from '../../../shared/ipc/contract';
import { LeavingPanel } from '../../../renderer/src/features/pupils/LeavingPanel';
import { renderWithApp } from '../support/render-with-app';

const JUNIPER: Pupil = {
  id: 21,
  firstName: 'Juniper',
  lastName: 'Testwood',
  dateOfBirth: '2012-05-04',
  sex: 'female',
  yearGroup: '9',
  sen: false,
  senDetails: '',
  lookedAfter: false,
  socialCare: 'none',
  leaving: null, upn: '',
};
const LEFT: Pupil = { ...JUNIPER, leaving: { leftOn: '2026-11-20', destinationKind: 'school', destination: 'Larkspur Vale High School' } };

function transfer(changes: Partial<TransferView>): TransferView {
  return {
    id: 5,
    pupilId: 21,
    pupilName: 'Juniper Testwood',
    receivingSchool: 'Larkspur Vale High School',
    receivingDsl: 'Rosalind Quaketon',
    receivingContact: 'dsl@larkspur-vale.example',
    method: 'secure-email',
    dueOn: '2026-11-27',
    fileOptions: { namedChildren: [], otherEntries: 'include' },
    coveringLetter: 'Dear colleague',
    preparedAt: '2026-11-23T09:00:00.000Z',
    preparedBy: 'Marigold Thistlewood',
    sentOn: null,
    sentBy: null,
    hasPackage: false,
    receivedAt: null,
    receivedBy: null,
    acknowledgedBy: '',
    cancelledAt: null,
    cancelledBy: null,
    cancelReason: '',
    state: 'prepared',
    ...changes,
  };
}

describe('the leaving panel', () => {
  it('prompts the DSL to transfer a former pupil’s file by the fifth school day after they left', async () => {
    renderWithApp(<LeavingPanel pupil={LEFT} incidentCount={1} />, { api: { 'transfers.list': [] } });
    expect(screen.getByText(/Left 20 Nov 2026 for Larkspur Vale High School/)).toBeTruthy();
    const prompt = await screen.findByRole('link', { name: 'Transfer the child-protection file to Larkspur Vale High School by 27 Nov 2026' });
    expect(prompt.getAttribute('href')).toBe('/pupils/21/transfer');
  });

  it('shows where a prepared transfer stands instead of the prompt', async () => {
    renderWithApp(<LeavingPanel pupil={LEFT} incidentCount={1} />, { api: { 'transfers.list': [transfer({ state: 'sent', sentOn: '2026-11-23' })] } });
    const link = await screen.findByRole('link', { name: 'Transfer to Larkspur Vale High School' });
    expect(link.getAttribute('href')).toBe('/transfers/5');
    expect(screen.queryByRole('link', { name: /^Transfer the child-protection file/ })).toBeNull();
  });

  it('offers no prompt for a former pupil on no incident, and no buttons to the head', () => {
    renderWithApp(<LeavingPanel pupil={LEFT} incidentCount={0} />, { roles: ['head'] });
    expect(screen.getByText(/Left 20 Nov 2026/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Transfer/ })).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('marks a pupil as left with the new school named, and shows the core’s refusal on its field', async () => {
    const user = userEvent.setup();
    const { api } = renderWithApp(<LeavingPanel pupil={JUNIPER} incidentCount={1} />, {
      api: {
        'pupils.markLeft': (input) =>
          input.destination === ''
            ? { ok: false, error: { code: 'invalid_input', message: 'Enter the name of the new school.', fields: { destination: 'Enter the name of the new school' } } }
            : { ok: true, value: { ...JUNIPER, leaving: { leftOn: input.leftOn, destinationKind: input.destinationKind, destination: input.destination } } },
      },
    });
    await user.click(screen.getByRole('button', { name: 'Mark as left' }));
    const date = screen.getByLabelText('Date they left');
    await user.clear(date);
    await user.type(date, '2026-11-20');
    await user.click(screen.getByLabelText('Another school'));
    await user.click(screen.getAllByRole('button', { name: 'Mark as left' })[0]!);
    expect((await screen.findAllByText('Enter the name of the new school')).length).toBeGreaterThan(0);
    await user.type(screen.getByLabelText('Name of the new school or setting'), 'Larkspur Vale High School');
    await user.click(screen.getAllByRole('button', { name: 'Mark as left' })[0]!);
    await waitFor(() => expect(api.inputsOf('pupils.markLeft')).toHaveLength(2));
    expect(api.inputsOf('pupils.markLeft').at(-1)).toEqual({ pupilId: 21, leftOn: '2026-11-20', destinationKind: 'school', destination: 'Larkspur Vale High School' });
  });
});
