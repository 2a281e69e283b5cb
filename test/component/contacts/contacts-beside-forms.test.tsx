// Issue 19 item 3: the contacts a step needs appear beside its form, placed by the entry-form
// shell from one table: the police report shows the police contacts (and 999), and a contact
// not entered yet points the DSL to the Contacts page.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LocalContact } from '../../../shared/domain/contacts/local-contacts';
import type { EntryKind } from '../../../shared/domain/entries/kinds';
import type { Role } from '../../../shared/domain/staff';
import { ENTRY_FORM_SPECS } from '../../../shared/forms/specs';
import { SpecForm } from '../../../renderer/src/features/entries/forms/SpecForm';
import { incidentDetail } from '../support/fixtures';
import { renderWithApp } from '../support/render-with-app';

const OFFICER: LocalContact = {
  id: 4,
  kind: 'safer-schools-officer',
  label: '',
  name: 'PC Fictional Brackenridge',
  organisation: 'Quillshire Police (fictional)',
  phone: '01632 960 123',
  otherPhone: '',
  email: '',
  notes: 'Works Tuesdays to Fridays',
  checkedOn: '2026-11-20',
  updatedAt: '2026-11-20T09:00:00.000Z',
  updatedBy: 'Marigold Thistlewood',
};

function openForm(kind: EntryKind, contacts: LocalContact[], roles: Role[] = ['dsl']) {
  const spec = ENTRY_FORM_SPECS[kind];
  if (!spec) throw new Error(`No spec for ${kind}`);
  const rendered = renderWithApp(<SpecForm kind={kind} spec={spec} detail={incidentDetail()} onSaved={() => {}} />, { api: { 'contacts.list': { contacts } }, roles });
  return { ...rendered, panel: screen.getByRole('complementary', { name: 'Contacts for this step' }) };
}

describe('contacts beside the police report form', () => {
  it('shows the safer-schools officer the DSL entered, 999 first, and 101 as not entered yet with a link to Contacts', async () => {
    const { panel } = openForm('police-report', [OFFICER]);
    const officer = await within(panel).findByRole('group', { name: 'Police safer-schools officer' });
    expect(officer.textContent).toContain('PC Fictional Brackenridge');
    expect(officer.textContent).toContain('01632 960 123');
    expect(officer.textContent).toContain('Details last checked 20 Nov 2026.');
    expect(within(panel).getByText(/a child in immediate danger/).textContent).toContain('999: a child in immediate danger. Ring the police at once.');
    const line101 = within(panel).getByRole('group', { name: 'Police non-emergency (101)' });
    expect(line101.textContent).toContain('Not entered yet — add it on Contacts.');
    expect(within(line101).getByRole('link', { name: 'Contacts' }).getAttribute('href')).toBe('/contacts');
  });

  it('tells someone who cannot keep the contacts to ask the DSL, with no link', async () => {
    const { panel } = openForm('police-report', [], ['head']);
    const officer = await within(panel).findByRole('group', { name: 'Police safer-schools officer' });
    expect(officer.textContent).toContain('Not entered yet — ask the Designated Safeguarding Lead to add it on Contacts.');
    expect(within(panel).queryByRole('link')).toBeNull();
  });
});

describe('contacts beside other steps', () => {
  it('shows the online report the reporting routes with where and when their details were checked', () => {
    const { panel } = openForm('online-report', []);
    const reportRemove = within(panel).getByRole('group', { name: 'Report Remove' });
    expect(reportRemove.textContent).toContain('Details checked 29 Nov 2026. Source: https://www.iwf.org.uk/what-we-do/why-we-exist/report-remove');
    expect(within(panel).getByRole('group', { name: 'Take It Down' }).textContent).toContain('Source: https://takeitdown.ncmec.org/faq/');
    expect(within(panel).queryByText(/Ring the police at once/)).toBeNull();
  });

  it('shows the referral to children’s social care the MASH or front door', async () => {
    const { panel } = openForm('social-care', []);
    const frontDoor = await within(panel).findByRole('group', { name: 'MASH or children’s social care front door' });
    expect(frontDoor.textContent).toContain('Not entered yet — add it on Contacts.');
    expect(within(panel).queryByRole('group', { name: 'Police safer-schools officer' })).toBeNull();
  });

  it('shows nothing beside a form whose step needs no contacts', () => {
    renderWithApp(<SpecForm kind="action" spec={ENTRY_FORM_SPECS.action!} detail={incidentDetail()} onSaved={() => {}} />, {});
    expect(screen.queryByRole('complementary', { name: 'Contacts for this step' })).toBeNull();
  });
});
