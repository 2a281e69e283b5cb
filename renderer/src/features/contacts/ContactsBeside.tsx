import { Link } from 'react-router';
import { contactsForKind } from '../../../../shared/domain/contacts/contacts-for-step';
import { LOCAL_CONTACT_LABELS, type LocalContactKind } from '../../../../shared/domain/contacts/local-contacts';
import { NATIONAL_SERVICES } from '../../../../shared/domain/contacts/national-services';
import type { EntryKind } from '../../../../shared/domain/entries/kinds';
import { useRead } from '../../api/queries';
import { useCan } from '../../app/use-can';
import { LoadState } from '../../components/LoadState';
import { LocalContactDetails } from './LocalContactDetails';
import { NationalServiceDetails } from './NationalServiceDetails';

/**
 * The contacts a step needs, beside its form (issue 19 item 3): which ones comes from one
 * table in shared/ (`CONTACTS_FOR_KIND`), so no form lists its own. Nothing for a kind the
 * table does not name.
 */
export function ContactsBeside({ kind }: { kind: EntryKind }) {
  const needed = contactsForKind(kind);
  if (!needed) return null;
  return (
    <aside className="panel contacts-beside" aria-labelledby="contacts-beside-title">
      <h2 id="contacts-beside-title">Contacts for this step</h2>
      {needed.emergency ? (
        <p className="warning-text">
          <strong>999</strong>: a child in immediate danger. Ring the police at once.
        </p>
      ) : null}
      {needed.local.length > 0 ? <SchoolContacts kinds={needed.local} /> : null}
      {needed.national.map((code) => (
        <NationalServiceDetails key={code} service={NATIONAL_SERVICES[code]} headingLevel="h3" />
      ))}
    </aside>
  );
}

/** The school's own contacts of these kinds, or where to add one not entered yet. */
function SchoolContacts({ kinds }: { kinds: readonly LocalContactKind[] }) {
  const loaded = useRead('contacts.list', {});
  const canKeep = useCan('contacts.save');
  return (
    <LoadState loaded={loaded}>
      {({ contacts }) =>
        kinds.map((kind) => {
          const entered = contacts.filter((contact) => contact.kind === kind);
          if (entered.length > 0) return entered.map((contact) => <LocalContactDetails key={contact.id} contact={contact} headingLevel="h3" />);
          return (
            <div key={kind} className="contact" role="group" aria-label={LOCAL_CONTACT_LABELS[kind]}>
              <h3 className="contact-title">{LOCAL_CONTACT_LABELS[kind]}</h3>
              <p>
                Not entered yet — {canKeep ? <>add it on <Link to="/contacts">Contacts</Link></> : 'ask the Designated Safeguarding Lead to add it on Contacts'}.
              </p>
            </div>
          );
        })
      }
    </LoadState>
  );
}
