import { CONTACT_FIELD_LABELS, LOCAL_CONTACT_KINDS, LOCAL_CONTACT_LABELS, LOCAL_CONTACT_PURPOSES, savedContactInput, type LocalContact, type LocalContactKind } from '../../../../shared/domain/contacts/local-contacts';
import { schoolToday } from '../../../../shared/domain/dates';
import { useWrite } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../../components/fields';
import { useForm } from '../../components/use-form';

// The audit's names for the fields, but asking for the check date in full.
const LABELS = { ...CONTACT_FIELD_LABELS, checkedOn: 'Date you last checked these details' };

const KIND_OPTIONS = LOCAL_CONTACT_KINDS.map((kind) => ({ value: kind, label: LOCAL_CONTACT_LABELS[kind] }));
const PHONE_HINT = 'A UK number, spaces allowed, e.g. 01632 960 123 or +44 1632 960 123.';

/** Adds a local contact (of `kind` when given) or changes `contact`; `onDone` once saved or cancelled. */
export function ContactForm({ contact, kind, onDone }: { contact?: LocalContact; kind?: LocalContactKind; onDone: () => void }) {
  const form = useForm(
    savedContactInput,
    contact
      ? {
          id: contact.id,
          kind: contact.kind,
          label: contact.label,
          name: contact.name,
          organisation: contact.organisation,
          phone: contact.phone,
          otherPhone: contact.otherPhone,
          email: contact.email,
          notes: contact.notes,
          checkedOn: contact.checkedOn,
        }
      : { kind, label: '', name: '', organisation: '', phone: '', otherPhone: '', email: '', notes: '', checkedOn: schoolToday() },
  );
  const save = useWrite('contacts.save');
  const { values, errors } = form;

  async function submit() {
    const parsed = form.validate();
    if (!parsed) return;
    form.setBusy(true);
    const result = await save(parsed);
    form.setBusy(false);
    if (!result.ok) return form.showServerError(result.error);
    form.saved();
    onDone();
  }

  return (
    <form
      noValidate
      className="form-narrow"
      aria-label={contact ? 'Change this contact' : 'Add a contact'}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <ErrorSummary errors={errors} labels={LABELS} formError={form.formError} />
      <SelectField
        name="kind"
        label={LABELS.kind}
        hint={values.kind ? LOCAL_CONTACT_PURPOSES[values.kind] : undefined}
        options={KIND_OPTIONS}
        value={values.kind ?? ''}
        onChange={(v) => form.setValue('kind', v === '' ? undefined : (v as LocalContactKind))}
        error={errors.kind}
      />
      {values.kind === 'other' ? (
        <TextField name="label" label={LABELS.label} hint="For example “Early help hub” or “School nurse”." value={values.label ?? ''} onChange={(v) => form.setValue('label', v)} error={errors.label} />
      ) : null}
      <TextField name="name" label={LABELS.name} value={values.name ?? ''} onChange={(v) => form.setValue('name', v)} error={errors.name} />
      <TextField name="organisation" label={LABELS.organisation} value={values.organisation ?? ''} onChange={(v) => form.setValue('organisation', v)} error={errors.organisation} />
      <TextField name="phone" label={LABELS.phone} hint={PHONE_HINT} width="medium" value={values.phone ?? ''} onChange={(v) => form.setValue('phone', v)} error={errors.phone} />
      <TextField name="otherPhone" label={LABELS.otherPhone} hint="Out of hours, a mobile or a duty line." width="medium" value={values.otherPhone ?? ''} onChange={(v) => form.setValue('otherPhone', v)} error={errors.otherPhone} />
      <TextField name="email" label={LABELS.email} value={values.email ?? ''} onChange={(v) => form.setValue('email', v)} error={errors.email} />
      <TextAreaField name="notes" label={LABELS.notes} hint="Hours, who to ask for, what to have ready. No pupil’s name." value={values.notes ?? ''} onChange={(v) => form.setValue('notes', v)} error={errors.notes} />
      <TextField name="checkedOn" label={LABELS.checkedOn} type="date" width="medium" value={values.checkedOn ?? ''} onChange={(v) => form.setValue('checkedOn', v)} error={errors.checkedOn} />
      <div className="button-group">
        <button type="submit" className="button" disabled={form.busy}>
          Save contact
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            form.reset();
            onDone();
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
