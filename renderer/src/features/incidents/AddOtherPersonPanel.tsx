import { useState } from 'react';
import { z } from 'zod';
import { schoolToday } from '../../../../shared/domain/dates';
import { dateOfBirthError, picturedBornAfterImageryError } from '../../../../shared/domain/impossible-dates';
import { OTHER_PERSON_KIND_LABELS, OTHER_PERSON_KINDS, otherPersonInput, roleSet, type OtherPersonKind, type PersonRole } from '../../../../shared/domain/incidents';
import { SEX_LABELS, SEXES } from '../../../../shared/domain/pupils';
import { useWrite } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxesField, RadioField, TextField } from '../../components/fields';
import { useForm } from '../../components/use-form';
import { useUnsavedChanges } from '../../components/unsaved-changes';
import { liveErrors, withLiveErrors } from '../../components/live-errors';
import { ROLE_OPTIONS, ROLES_HINT } from './role-options';
import { KIND_QUESTIONS } from './other-person-questions';

type PersonInput = z.input<typeof otherPersonInput>;

const form = z.object({ person: otherPersonInput, roles: roleSet });

/** A whole number typed in a box, or null when left blank; undefined when it is not one. */
function wholeNumber(text: string, min: number, max: number): number | null | undefined {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

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
  const [kind, setKind] = useState<OtherPersonKind | undefined>(undefined);
  const [person, setPerson] = useState({ name: '', dateOfBirth: '', setting: '', relationship: '', sex: 'not_known' as PersonInput['sex'] });
  const [ageText, setAgeText] = useState('');
  const [groupSizeText, setGroupSizeText] = useState('');
  const [roles, setRoles] = useState<PersonRole[]>([]);
  const f = useForm(form, { roles: [] });
  const draft = useUnsavedChanges({ kind, person, ageText, groupSizeText, roles });
  const asks = kind ? KIND_QUESTIONS[kind] : null;
  // What was typed for another kind before the choice changed is not sent: only what is on show.
  const dateOfBirth = asks?.age ? person.dateOfBirth : '';
  const live = {
    'person.dateOfBirth': dateOfBirthError(dateOfBirth, schoolToday()),
    roles: picturedBornAfterImageryError(roles, dateOfBirth, incident),
  };
  const set = <K extends keyof typeof person>(key: K, value: (typeof person)[K]) => setPerson((p) => ({ ...p, [key]: value }));

  const addOtherPerson = useWrite('incidents.addOtherPerson');
  async function add() {
    const age = asks?.age ? wholeNumber(ageText, 0, 120) : null;
    if (age === undefined) return f.setErrors({ 'person.age': 'Enter the age as a whole number of years, or leave it blank' });
    const groupSize = asks?.groupSize ? wholeNumber(groupSizeText, 2, 100000) : null;
    if (groupSize === undefined) return f.setErrors({ 'person.groupSize': 'Enter about how many people are in the group, as a whole number of 2 or more' });
    const input: Partial<PersonInput> = {
      ...(kind ? { kind } : {}),
      name: person.name,
      age,
      dateOfBirth,
      sex: asks?.age ? person.sex : 'not_known',
      setting: asks?.setting ? person.setting : '',
      relationship: asks?.relationship ? person.relationship : '',
      groupSize,
    };
    const parsed = f.validate({ person: input as PersonInput, roles });
    const impossible = liveErrors(live);
    if (Object.keys(impossible).length > 0) return f.setErrors((shown) => ({ ...(parsed ? {} : shown), ...impossible }));
    if (!parsed) return;
    const result = await addOtherPerson({ incidentId, person: parsed.person, roles: parsed.roles });
    if (!result.ok) return f.showServerError(result.error);
    draft.saved();
    onDone();
  }

  const e = withLiveErrors(f.errors, live);
  const labels = {
    'person.kind': 'Who is this?',
    'person.name': asks?.name.label ?? 'Name',
    'person.age': 'Age',
    'person.dateOfBirth': 'Date of birth',
    'person.setting': asks?.setting?.label ?? 'School or setting',
    'person.relationship': 'Relationship',
    'person.groupSize': 'Number of people',
    roles: 'Roles',
  };
  return (
    <section className="panel" aria-labelledby="add-other-title">
      <h3 id="add-other-title">Add someone from outside the school</h3>
      <ErrorSummary errors={f.errors} labels={labels} formError={f.formError} />
      <RadioField
        name="person.kind"
        label={labels['person.kind']}
        hint="A pupil of this school is added with “Add a pupil”."
        options={OTHER_PERSON_KINDS.map((value) => ({ value, label: OTHER_PERSON_KIND_LABELS[value], hint: KIND_QUESTIONS[value].hint }))}
        value={kind}
        onChange={setKind}
        error={e['person.kind']}
      />
      {asks?.note ? (
        <div className="warning-text" role="note">
          {asks.note}
        </div>
      ) : null}
      {asks ? (
        <>
          <TextField name="person.name" label={asks.name.label} hint={asks.name.hint} value={person.name} onChange={(v) => set('name', v)} error={e['person.name']} />
          {asks.groupSize ? (
            <TextField name="person.groupSize" label={asks.groupSize.label} hint={asks.groupSize.hint} width="short" inputMode="numeric" value={groupSizeText} onChange={setGroupSizeText} error={e['person.groupSize']} />
          ) : null}
          {asks.age ? (
            <>
              <TextField name="person.age" label="Age in years (if known)" width="short" inputMode="numeric" value={ageText} onChange={setAgeText} error={e['person.age']} />
              <TextField name="person.dateOfBirth" label="Date of birth (if known)" type="date" width="medium" value={person.dateOfBirth} onChange={(v) => set('dateOfBirth', v)} error={e['person.dateOfBirth']} />
              <RadioField name="person.sex" label="Sex" inline options={SEXES.map((value) => ({ value, label: SEX_LABELS[value] }))} value={person.sex} onChange={(v) => set('sex', v)} />
            </>
          ) : null}
          {asks.setting ? (
            <TextField name="person.setting" label={asks.setting.label} hint={asks.setting.hint} value={person.setting} onChange={(v) => set('setting', v)} error={e['person.setting']} />
          ) : null}
          {asks.relationship ? (
            <TextField name="person.relationship" label={labels['person.relationship']} hint="How they are related to, or know, the young people." value={person.relationship} onChange={(v) => set('relationship', v)} error={e['person.relationship']} />
          ) : null}
        </>
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
