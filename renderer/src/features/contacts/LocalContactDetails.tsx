import { contactTitle, type LocalContact } from '../../../../shared/domain/contacts/local-contacts';
import { formatDate } from '../../../../shared/domain/dates';

/** A local contact's details as the DSL entered them, with when they were last checked. */
export function LocalContactDetails({ contact, headingLevel }: { contact: LocalContact; headingLevel: 'h3' | 'h4' }) {
  const Heading = headingLevel;
  const rows: [string, string][] = [
    ['Name', contact.name],
    ['Organisation', contact.organisation],
    ['Phone', contact.phone],
    ['Other phone', contact.otherPhone],
    ['Email', contact.email],
    ['Notes', contact.notes],
  ];
  return (
    <div className="contact" role="group" aria-label={contactTitle(contact)}>
      <Heading className="contact-title">{contactTitle(contact)}</Heading>
      <dl className="summary-list">
        {rows
          .filter(([, value]) => value !== '')
          .map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd className="preserve-lines">{value}</dd>
            </div>
          ))}
      </dl>
      <p className="hint">Details last checked {formatDate(contact.checkedOn)}.</p>
    </div>
  );
}
