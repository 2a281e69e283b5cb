import { useState } from 'react';
import { LOCAL_CONTACT_KINDS, LOCAL_CONTACT_LABELS, LOCAL_CONTACT_PURPOSES, contactTitle, type LocalContact, type LocalContactKind } from '../../../../shared/domain/contacts/local-contacts';
import { NATIONAL_SERVICE_CODES, NATIONAL_SERVICES } from '../../../../shared/domain/contacts/national-services';
import { useRead, useWrite } from '../../api/queries';
import { useCan } from '../../app/use-can';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { ContactForm } from './ContactForm';
import { LocalContactDetails } from './LocalContactDetails';
import { NationalServiceDetails } from './NationalServiceDetails';

/** What the keeper is doing: nothing, adding a contact (of a kind), or changing one. */
type Editing = { adding: LocalContactKind | 'any' } | { changing: number } | null;

/**
 * The school's local contacts, kept by the DSL (or a deputy), and the national services that
 * ship with the app, each with when and where its details were checked (issue 19 item 3).
 * Everyone signed in reads them.
 */
export function ContactsPage() {
  const loaded = useRead('contacts.list', {});
  const canKeep = useCan('contacts.save');
  const [editing, setEditing] = useState<Editing>(null);
  const done = () => setEditing(null);

  return (
    <div className="contacts-page">
      <PageHeading>Contacts</PageHeading>
      <p className="button-group">
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          Print the contacts
        </button>
        <span className="hint-inline">One page, to keep by the phone.</span>
      </p>
      <section className="panel" aria-labelledby="local-contacts-title">
        <h2 id="local-contacts-title">The school’s contacts</h2>
        {canKeep ? null : <p>Kept by the Designated Safeguarding Lead. Tell them if a number here is out of date.</p>}
        <LoadState loaded={loaded}>
          {({ contacts }) => (
            <>
              {LOCAL_CONTACT_KINDS.map((kind) => (
                <KindOfContact key={kind} kind={kind} contacts={contacts.filter((c) => c.kind === kind)} canKeep={canKeep} editing={editing} setEditing={setEditing} done={done} />
              ))}
              {canKeep && editing === null ? (
                <button type="button" className="button button-secondary" onClick={() => setEditing({ adding: 'any' })}>
                  Add another contact
                </button>
              ) : null}
              {editing !== null && 'adding' in editing && editing.adding === 'any' ? <ContactForm onDone={done} /> : null}
            </>
          )}
        </LoadState>
      </section>
      <section className="panel" aria-labelledby="national-title">
        <h2 id="national-title">National services</h2>
        <p className="hint">These come with the app. Before relying on a number, check it against the source shown.</p>
        {NATIONAL_SERVICE_CODES.map((code) => (
          <NationalServiceDetails key={code} service={NATIONAL_SERVICES[code]} headingLevel="h3" />
        ))}
      </section>
    </div>
  );
}

function KindOfContact({
  kind,
  contacts,
  canKeep,
  editing,
  setEditing,
  done,
}: {
  kind: LocalContactKind;
  contacts: LocalContact[];
  canKeep: boolean;
  editing: Editing;
  setEditing: (editing: Editing) => void;
  done: () => void;
}) {
  // "Other" contacts have their own titles; the heading for the kind is shown only when there are none.
  if (kind === 'other' && contacts.length === 0) return null;
  const adding = editing !== null && 'adding' in editing && editing.adding === kind;
  return (
    <div className="contact-kind">
      {contacts.length === 0 ? (
        <div className="contact" role="group" aria-label={LOCAL_CONTACT_LABELS[kind]}>
          <h3 className="contact-title">{LOCAL_CONTACT_LABELS[kind]}</h3>
          <p className="hint">{LOCAL_CONTACT_PURPOSES[kind]}</p>
          <p>Not entered yet.</p>
          {canKeep && editing === null ? (
            <button type="button" className="button button-secondary" onClick={() => setEditing({ adding: kind })}>
              Add the {inSentence(LOCAL_CONTACT_LABELS[kind])}
            </button>
          ) : null}
        </div>
      ) : null}
      {adding ? <ContactForm kind={kind} onDone={done} /> : null}
      {contacts.map((contact) =>
        editing !== null && 'changing' in editing && editing.changing === contact.id ? (
          <ContactForm key={contact.id} contact={contact} onDone={done} />
        ) : (
          <div key={contact.id}>
            <LocalContactDetails contact={contact} headingLevel="h3" />
            {canKeep && editing === null ? <KeeperActions contact={contact} onChange={() => setEditing({ changing: contact.id })} /> : null}
          </div>
        ),
      )}
    </div>
  );
}

/** A label in the middle of a sentence: "Police …" becomes "police …"; "MASH …" and "LADO …" stay. */
function inSentence(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

function KeeperActions({ contact, onChange }: { contact: LocalContact; onChange: () => void }) {
  const removeContact = useWrite('contacts.remove');
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const title = contactTitle(contact);
  return (
    <div className="button-group">
      <button type="button" className="button button-secondary" onClick={onChange} aria-label={`Change ${title}`}>
        Change
      </button>
      {confirming ? (
        <>
          <button
            type="button"
            className="button button-warning"
            onClick={() => {
              void removeContact({ id: contact.id }).then((result) => {
                if (!result.ok) setProblem(result.error.message);
              });
            }}
          >
            Yes, remove {title}
          </button>
          <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </>
      ) : (
        <button type="button" className="button button-secondary" onClick={() => setConfirming(true)} aria-label={`Remove ${title}`}>
          Remove
        </button>
      )}
      {problem ? <p role="alert">{problem}</p> : null}
    </div>
  );
}
