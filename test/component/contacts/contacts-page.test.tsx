// Issue 19 item 3: the Contacts page. The DSL adds a contact, told in words when a number has
// letters in it; someone who cannot keep the contacts reads them and is offered no change;
// every national service names where and when its details were checked.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NATIONAL_SERVICE_CODES, NATIONAL_SERVICES } from '../../../shared/domain/contacts/national-services';
import type { LocalContact } from '../../../shared/domain/contacts/local-contacts';
import { ContactsPage } from '../../../renderer/src/features/contacts/ContactsPage';
import { renderWithApp } from '../support/render-with-app';
import { aPerson, fillIn } from '../support/user';

const LADO: LocalContact = {
  id: 2,
  kind: 'lado',
  label: '',
  name: '',
  organisation: 'Quillshire LADO service (fictional)',
  phone: '01632 960 200',
  otherPhone: '',
  email: 'lado@quillshire.example',
  notes: '',
  checkedOn: '2026-10-01',
  updatedAt: '2026-10-01T09:00:00.000Z',
  updatedBy: 'Marigold Thistlewood',
};

describe('the Contacts page', () => {
  it('lets the DSL add the front door, refusing a number with letters at the field first', async () => {
    const saved: LocalContact = { ...LADO, id: 3, kind: 'front-door', organisation: 'Quillshire front door (fictional)', phone: '01632 960 300', email: '' };
    const { api } = renderWithApp(<ContactsPage />, { api: { 'contacts.list': { contacts: [] }, 'contacts.save': { contact: saved } } });
    const user = aPerson();
    await user.click(await screen.findByRole('button', { name: 'Add the MASH or children’s social care front door' }));
    const form = screen.getByRole('form', { name: 'Add a contact' });
    await fillIn(user, within(form).getByLabelText('Organisation'), 'Quillshire front door (fictional)');
    await fillIn(user, within(form).getByLabelText('Phone'), 'O1632 960 300');
    await user.clear(within(form).getByLabelText('Date you last checked these details'));
    await fillIn(user, within(form).getByLabelText('Date you last checked these details'), '2026-11-20');
    await user.click(within(form).getByRole('button', { name: 'Save contact' }));
    expect(within(form).getAllByText('A phone number has only digits, spaces and +44: take out the letters').length).toBeGreaterThan(0);
    expect(api.inputsOf('contacts.save')).toEqual([]);

    await user.clear(within(form).getByLabelText('Phone'));
    await fillIn(user, within(form).getByLabelText('Phone'), '01632 960 300');
    await user.click(within(form).getByRole('button', { name: 'Save contact' }));
    expect(api.inputsOf('contacts.save')).toEqual([
      expect.objectContaining({ kind: 'front-door', organisation: 'Quillshire front door (fictional)', phone: '01632 960 300', checkedOn: '2026-11-20' }),
    ]);
  });

  it('shows a member of staff who cannot keep them the contacts, and no way to change them', async () => {
    renderWithApp(<ContactsPage />, { api: { 'contacts.list': { contacts: [LADO] } }, roles: ['head'] });
    const lado = await screen.findByRole('group', { name: 'LADO (Local Authority Designated Officer)' });
    expect(lado.textContent).toContain('01632 960 200');
    expect(lado.textContent).toContain('Details last checked 1 Oct 2026.');
    expect(screen.getByText('Kept by the Designated Safeguarding Lead. Tell them if a number here is out of date.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Add|Change|Remove/ })).toBeNull();
  });

  it('lists every national service with its source and the date its details were checked', async () => {
    renderWithApp(<ContactsPage />, { api: { 'contacts.list': { contacts: [] } }, roles: [] });
    const national = screen.getByRole('region', { name: 'National services' });
    for (const code of NATIONAL_SERVICE_CODES) {
      const service = NATIONAL_SERVICES[code];
      const text = within(national).getByRole('group', { name: service.name }).textContent;
      expect(text).toContain(`Source: ${service.source}`);
      expect(text).toContain('Details checked 29 Nov 2026.');
    }
    expect(within(national).getByRole('group', { name: 'NSPCC helpline' }).textContent).toContain('0808 800 5000');
    expect((await screen.findAllByText('Not entered yet.')).length).toBe(6);
  });
});
