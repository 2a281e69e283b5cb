// Issue 19 item 3: what the DSL types for a local contact is checked with clear messages, and
// every step that needs contacts has them beside its form from the one table.
import { describe, expect, it } from 'vitest';
import { CONTACTS_FOR_KIND } from '../../shared/domain/contacts/contacts-for-step';
import { savedContactInput, ukPhoneProblem, type LocalContactInput } from '../../shared/domain/contacts/local-contacts';
import { NATIONAL_SERVICE_CODES, NATIONAL_SERVICES } from '../../shared/domain/contacts/national-services';
import { fieldErrors } from '../../shared/ipc/field-errors';

const FRONT_DOOR: LocalContactInput = { kind: 'front-door', organisation: 'Quillshire Children’s Services (fictional)', phone: '01632 960 000', checkedOn: '2026-11-20' };

function errorsOf(input: Record<string, unknown>): Record<string, string> {
  const result = savedContactInput.safeParse(input);
  return result.success ? {} : fieldErrors(result.error);
}

describe('a UK phone number', () => {
  it.each(['01632 960 123', '01632960123', '+44 1632 960 123', '+441632960123', '07700 900 456', '(01632) 960-123', '101', '999'])('accepts %s', (number) => {
    expect(ukPhoneProblem(number)).toBeNull();
  });

  it('refuses letters, saying so', () => {
    expect(ukPhoneProblem('01632 96O 123')).toBe('A phone number has only digits, spaces and +44: take out the letters');
    expect(ukPhoneProblem('ring the office')).toBe('A phone number has only digits, spaces and +44: take out the letters');
  });

  it.each(['1632 960 123', '01632 960', '+1 202 555 0100', '+44 01632 960 123 456', '01632/960123'])('refuses %s as not a UK number', (number) => {
    expect(ukPhoneProblem(number)).not.toBeNull();
  });
});

describe('a local contact', () => {
  it('needs only who it is, a way to reach them and when the details were checked', () => {
    expect(errorsOf(FRONT_DOOR)).toEqual({});
    expect(savedContactInput.parse({ ...FRONT_DOOR, phone: '  01632 960 000 ' }).phone).toBe('01632 960 000');
  });

  it('says what is missing, each on its own question', () => {
    expect(errorsOf({ kind: 'lado' })).toEqual({
      checkedOn: 'Enter the date you last checked these details',
      name: 'Enter a name or an organisation',
      phone: 'Enter a phone number or an email address',
    });
    expect(errorsOf({})).toMatchObject({ kind: 'Choose who this contact is' });
  });

  it('asks who an “other” contact is', () => {
    expect(errorsOf({ ...FRONT_DOOR, kind: 'other' })).toEqual({ label: 'Say who this contact is, for example “Early help hub”' });
  });

  it('refuses a phone number with letters and an email address that is not one', () => {
    expect(errorsOf({ ...FRONT_DOOR, otherPhone: 'O7700 900 456', email: 'duty team' })).toEqual({
      otherPhone: 'A phone number has only digits, spaces and +44: take out the letters',
      email: 'Enter an email address like name@example.org',
    });
  });
});

describe('the contacts beside each step', () => {
  it('gives the police report the safer-schools officer, 101 and 999', () => {
    expect(CONTACTS_FOR_KIND['police-report']).toEqual({ local: ['safer-schools-officer', 'police-101'], national: [], emergency: true });
  });

  it('gives the referral to children’s social care the MASH or front door', () => {
    expect(CONTACTS_FOR_KIND['social-care']?.local).toEqual(['front-door']);
  });

  it('gives online reporting the reporting routes of the national list, Report Remove and Take It Down among them', () => {
    expect(CONTACTS_FOR_KIND['online-report']?.national).toEqual(expect.arrayContaining(['report-remove', 'take-it-down', 'ceop', 'iwf']));
  });
});

describe('the national services shipped with the app', () => {
  it.each(NATIONAL_SERVICE_CODES)('%s names its source and the date it was checked', (code) => {
    const service = NATIONAL_SERVICES[code];
    expect(service.code).toBe(code);
    expect(service.source).toMatch(/^https:\/\//);
    expect(service.web).toMatch(/^https:\/\//);
    expect(service.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    if (service.phone !== null) expect(ukPhoneProblem(service.phone)).toBeNull();
  });
});
