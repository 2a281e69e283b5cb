import { useState } from 'react';
import { z } from 'zod';
import { schoolToday } from '../../../../shared/domain/dates';
import { dateOfBirthError, picturedBornAfterImageryError } from '../../../../shared/domain/impossible-dates';
import { OTHER_PERSON_KIND_LABELS, OTHER_PERSON_KINDS, otherPersonInput, roleSet, type PersonRole } from '../../../../shared/domain/incidents';
import { SEX_LABELS, SEXES } from '../../../../shared/domain/pupils';
import { useWrite } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxesField, RadioField, TextField } from '../../components/fields';
import { useForm } from '../../components/use-form';
import { useUnsavedChanges } from '../../components/unsaved-changes';
import { liveErrors, withLiveErrors } from '../../components/live-errors';
import { ROLE_OPTIONS, ROLES_HINT } from './role-options';

const form = z.object({ person: otherPersonInput, roles: roleSet });
const LABELS = {
  'person.kind': 'Who is this?',
  'person.name': 'Name',
  'person.age': 'Age',
  'person.relationship': 'Relationship',
  roles: 'Roles',
};

export function AddOtherPersonPanel({
  incidentId,
  incident,
  onDone,
  onCancel,
}: {
  incidentId: number;
  /** Its dates, to check as they are typed that no one pictured was born after the imagery was made. */
  incident: { imageryDate: string; cameToAttentionOn: string };
  onDone: () => void;
  onCancel: () => void;
}) {
  const [person, setPerson] = useState<Partial<z.input<typeof otherPersonInput>>>({ name: '', dateOfBirth: '', setting: '', relationship: '', sex: 'not_known' });
  const [ageText, setAgeText] = useState('');
  const [roles, setRoles] = useState<PersonRole[]>([]);
  const f = useForm(form, { roles: [] });
  const draft = useUnsavedChanges({ person, ageText, roles });
  const dateOfBirth = person.dateOfBirth ?? '';
  const live = {
    'person.dateOfBirth': dateOfBirthError(dateOfBirth, schoolToday()),
    roles: picturedBornAfterImageryError(roles, dateOfBirth, incident),
  };
  const set = <K extends keyof z.input<typeof otherPersonInput>>(key: K, value: z.input<typeof otherPersonInput>[K]) => setPerson((p) => ({ ...p, [key]: value }));

  const addOtherPerson = useWrite('incidents.addOtherPerson');
  async function add() {
    const age = ageText.trim() === '' ? null : Number(ageText);
    if (age !== null && (!Number.isInteger(age) || age < 0 || age > 120)) {
      return f.setErrors({ 'person.age': 'Enter the age as a whole number of years, or leave it blank' });
    }
    const parsed = f.validate({ person: { ...person, age } as z.input<typeof otherPersonInput>, roles });
    const impossible = liveErrors(live);
    if (Object.keys(impossible).length > 0) return f.setErrors((shown) => ({ ...(parsed ? {} : shown), ...impossible }));
    if (!parsed) return;
    const result = await addOtherPerson({ incidentId, person: parsed.person, roles: parsed.roles });
    if (!result.ok) return f.showServerError(result.error);
    draft.saved();
    onDone();
  }

  const e = withLiveErrors(f.errors, live);
  return (
    <section className="panel" aria-labelledby="add-other-title">
      <h3 id="add-other-title">Add someone from outside the school</h3>
      <ErrorSummary errors={f.errors} labels={{ ...LABELS, 'person.dateOfBirth': 'Date of birth' }} formError={f.formError} />
      <RadioField
        name="person.kind"
        label={LABELS['person.kind']}
        options={OTHER_PERSON_KINDS.map((value) => ({ value, label: OTHER_PERSON_KIND_LABELS[value] }))}
        value={person.kind}
        onChange={(v) => set('kind', v)}
        error={e['person.kind']}
      />
      {person.kind === 'adult' ? (
        <div className="warning-text" role="note">
          <strong>An adult is involved.</strong> The advice says this needs an immediate referral to the police and/or children’s social care.
        </div>
      ) : null}
      <TextField name="person.name" label={LABELS['person.name']} hint="Or a description if the name is not known, for example “unknown account holder”." value={person.name ?? ''} onChange={(v) => set('name', v)} error={e['person.name']} />
      <TextField name="person.age" label="Age in years (if known)" width="short" inputMode="numeric" value={ageText} onChange={setAgeText} error={e['person.age']} />
      <TextField name="person.dateOfBirth" label="Date of birth (if known)" type="date" width="medium" value={person.dateOfBirth ?? ''} onChange={(v) => set('dateOfBirth', v)} error={e['person.dateOfBirth']} />
      <RadioField name="person.sex" label="Sex" inline options={SEXES.map((value) => ({ value, label: SEX_LABELS[value] }))} value={person.sex} onChange={(v) => set('sex', v)} />
      {person.kind === 'young_person' ? (
        <TextField name="person.setting" label="School, college or setting (if known)" value={person.setting ?? ''} onChange={(v) => set('setting', v)} error={e['person.setting']} />
      ) : null}
      {person.kind === 'adult' ? (
        <TextField name="person.relationship" label={LABELS['person.relationship']} hint="How they are related to, or know, the young people." value={person.relationship ?? ''} onChange={(v) => set('relationship', v)} error={e['person.relationship']} />
      ) : null}
      <CheckboxesField name="roles" label="Their roles in this incident" hint={ROLES_HINT} options={ROLE_OPTIONS} value={roles} onChange={setRoles} error={e.roles} />
      <div className="button-group">
        <button type="button" className="button" onClick={() => void add()}>
          Add to incident
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}
