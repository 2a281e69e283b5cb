import { useState } from 'react';
import { z } from 'zod';
import { ENTRY_KIND_DEFINITIONS, entryTiming } from '../../../../shared/domain/entries/kinds';
import {
  STAFF_SUPPORT,
  STAFF_SUPPORT_LABELS,
  VIEWER_AUTHORITIES,
  VIEWER_AUTHORITY_LABELS,
  VIEWING_REASON_LABELS,
  VIEWING_REASONS,
  NO_ACCOUNT,
  namesSomeoneWithoutAccount,
  viewingLogBody,
  viewingLogWarnings,
} from '../../../../shared/domain/entries/viewing-log';
import type { EntryVersion, IncidentDetail } from '../../../../shared/ipc/contract';
import { fieldErrors } from '../../../../shared/ipc/field-errors';
import { CheckboxField, RadioField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { EntryFormShell } from '../entries/EntryFormShell';
import { useEntryForm } from '../entries/use-entry-form';

const viewingLogForm = entryTiming.extend({ body: viewingLogBody });
type BodyDraft = Partial<z.input<typeof viewingLogBody>>;

const LABELS: Record<string, string> = {
  'body.place': 'Place',
  'body.onPremises': 'On school premises',
  'body.viewerStaffId': 'Who viewed',
  'body.viewerAuthority': 'Authority',
  'body.viewerName': 'Viewer’s name',
  'body.viewerRole': 'Viewer’s role',
  'body.presentStaffId': 'Who else was present',
  'body.presentName': 'Name of the person present',
  'body.presentRole': 'Role of the person present',
  'body.sameSex': 'Same sex',
  'body.reason': 'Reason',
  'body.reasonFacts': 'Facts',
  'body.headConsulted': 'Headteacher consulted',
};

const YES_NO = [
  { value: 'yes' as const, label: 'Yes' },
  { value: 'no' as const, label: 'No' },
];

const WITHOUT_ACCOUNT_OPTION = { value: NO_ACCOUNT, label: 'Someone without an account' };

/** A staff id, someone without an account, or (for the person present) no one, from the select's value. */
function chosen(value: string): number | typeof NO_ACCOUNT | 'none' | undefined {
  if (value === '') return undefined;
  if (value === NO_ACCOUNT || value === 'none') return value;
  return Number(value);
}

const EMPTY_BODY: BodyDraft = { place: '', reasonFacts: '', notSameSexReason: '', subsequentActions: '', nothingCopied: false, presentAlsoViewed: false };

/**
 * The record the guidance asks for whenever imagery is viewed (section 2, "Viewing the
 * imagery"). Used to record a new viewing and to amend one.
 */
export function ViewingLogForm({ detail, amending, onSaved }: { detail: IncidentDetail; amending?: EntryVersion; onSaved: () => void }) {
  const previous = amending ? viewingLogBody.safeParse(amending.body) : null;
  // The body is a draft with questions not yet answered; validation sees it whole on submit.
  const [body, setBodyState] = useState<BodyDraft>(previous?.success ? previous.data : EMPTY_BODY);
  const setBody = <K extends keyof BodyDraft>(key: K, value: BodyDraft[K]) => setBodyState((current) => ({ ...current, [key]: value }));
  const form = useEntryForm({
    kind: 'viewing-log',
    detail,
    amending,
    draft: body,
    // Kept from this form's own body, so it has this shape.
    restore: (kept) => setBodyState({ ...EMPTY_BODY, ...(kept as BodyDraft) }),
    check: (timing) => {
      const parsed = viewingLogForm.safeParse({ ...timing, body });
      if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
      return { ok: true, value: { occurredOn: parsed.data.occurredOn, occurredTime: parsed.data.occurredTime, kind: 'viewing-log', body: parsed.data.body } };
    },
    onSaved,
  });
  const { errors } = form;
  const staffOptions = detail.staff.filter((s) => s.active).map((s) => ({ value: String(s.id), label: s.name }));
  const warnings = viewingLogWarnings(body);

  return (
    <>
      <div className="warning-text" role="note">
        <strong>Do not view nudes or semi-nudes of a young person unless there is a good and clear reason.</strong> Wherever possible,
        respond to what you have been told about the content. Never view it if viewing would cause the young person significant
        distress or harm. Never copy, print, share, store or save it: that is illegal.
      </div>
      <EntryFormShell form={form} kind="viewing-log" name={ENTRY_KIND_DEFINITIONS['viewing-log'].label} dateLabel="Date it was viewed" whenHeading="When and where" labels={LABELS} saveLabel="Save viewing record">
        <TextField name="body.place" label="Where it was viewed" hint="Ideally the headteacher’s or a senior leader’s office." value={body.place ?? ''} onChange={(v) => setBody('place', v)} error={errors['body.place']} />
        <RadioField name="body.onPremises" label="Was it viewed on school premises?" inline options={YES_NO} value={body.onPremises} onChange={(v) => setBody('onPremises', v)} error={errors['body.onPremises']} />

        <h2>Who</h2>
        <SelectField
          name="body.viewerStaffId"
          label="Who viewed the imagery?"
          hint="The DSL, or a member of the safeguarding team with authority delegated by the headteacher; or a member of staff without an account who saw it unavoidably."
          options={[...staffOptions, WITHOUT_ACCOUNT_OPTION]}
          value={body.viewerStaffId === undefined ? '' : String(body.viewerStaffId)}
          onChange={(v) => {
            // A name typed for someone without an account must not be saved behind a member of staff chosen instead.
            const viewer = chosen(v);
            if (viewer === 'none') return;
            setBodyState(({ viewerName, viewerRole, ...current }) => ({ ...current, viewerStaffId: viewer, ...(viewer === NO_ACCOUNT ? { viewerName, viewerRole } : {}) }));
          }}
          error={errors['body.viewerStaffId']}
        />
        {body.viewerStaffId === NO_ACCOUNT ? (
          <>
            <TextField name="body.viewerName" label="Name of the person who viewed it" value={body.viewerName ?? ''} onChange={(v) => setBody('viewerName', v)} error={errors['body.viewerName']} />
            <TextField name="body.viewerRole" label="Their role" hint="For example: class teacher, IT technician." value={body.viewerRole ?? ''} onChange={(v) => setBody('viewerRole', v)} error={errors['body.viewerRole']} />
          </>
        ) : null}
        <RadioField
          name="body.viewerAuthority"
          label="On whose authority did they view it?"
          options={VIEWER_AUTHORITIES.map((value) => ({ value, label: VIEWER_AUTHORITY_LABELS[value] }))}
          value={body.viewerAuthority}
          onChange={(v) => setBody('viewerAuthority', v)}
          error={errors['body.viewerAuthority']}
        />
        <SelectField
          name="body.presentStaffId"
          label="Who else was present?"
          hint="Ideally the headteacher or a member of the senior leadership team. They do not need to view the imagery."
          options={[...staffOptions.filter((o) => o.value !== String(body.viewerStaffId)), WITHOUT_ACCOUNT_OPTION, { value: 'none', label: 'No one else was present' }]}
          value={body.presentStaffId === undefined ? '' : String(body.presentStaffId)}
          onChange={(v) => {
            const present = chosen(v);
            setBodyState(({ presentName, presentRole, ...current }) => ({ ...current, presentStaffId: present, ...(present === NO_ACCOUNT ? { presentName, presentRole } : {}) }));
          }}
          error={errors['body.presentStaffId']}
        />
        {body.presentStaffId === NO_ACCOUNT ? (
          <>
            <TextField name="body.presentName" label="Name of the person present" value={body.presentName ?? ''} onChange={(v) => setBody('presentName', v)} error={errors['body.presentName']} />
            <TextField name="body.presentRole" label="Their role" hint="For example: class teacher, IT technician." value={body.presentRole ?? ''} onChange={(v) => setBody('presentRole', v)} error={errors['body.presentRole']} />
          </>
        ) : null}
        {body.presentStaffId !== undefined && body.presentStaffId !== 'none' ? (
          <CheckboxField name="body.presentAlsoViewed" label="They also viewed the imagery" checked={body.presentAlsoViewed ?? false} onChange={(v) => setBody('presentAlsoViewed', v)} />
        ) : null}
        {namesSomeoneWithoutAccount(body) ? (
          <p className="hint" role="note">
            The guidance asks that the record of who viewed the imagery and who was present is signed and dated (UKCCIS 2016, section 2, “Viewing the imagery”).
            Someone without an account cannot sign for themselves, so this record will not be complete until a DSL signs it to attest what it says about them.
          </p>
        ) : null}
        <RadioField
          name="body.sameSex"
          label="Was the viewer the same sex as the young person in the imagery?"
          hint="The guidance asks that imagery is viewed by a member of staff of the same sex wherever possible."
          inline
          options={[...YES_NO, { value: 'not_known' as const, label: 'Not known' }]}
          value={body.sameSex}
          onChange={(v) => setBody('sameSex', v)}
          error={errors['body.sameSex']}
        />
        {body.sameSex === 'no' ? (
          <TextAreaField name="body.notSameSexReason" label="Why was that not possible?" value={body.notSameSexReason ?? ''} onChange={(v) => setBody('notSameSexReason', v)} error={errors['body.notSameSexReason']} />
        ) : null}

        <h2>Why</h2>
        <RadioField
          name="body.reason"
          label="Why did the imagery have to be viewed?"
          hint="The guidance allows viewing only in these three situations."
          options={VIEWING_REASONS.map((value) => ({ value, label: VIEWING_REASON_LABELS[value] }))}
          value={body.reason}
          onChange={(v) => setBody('reason', v)}
          error={errors['body.reason']}
        />
        <TextAreaField name="body.reasonFacts" label="The facts behind that reason" value={body.reasonFacts ?? ''} onChange={(v) => setBody('reasonFacts', v)} error={errors['body.reasonFacts']} />
        <RadioField
          name="body.headConsulted"
          label="Was the decision to view discussed with the headteacher first?"
          inline
          options={YES_NO}
          value={body.headConsulted}
          onChange={(v) => setBody('headConsulted', v)}
          error={errors['body.headConsulted']}
        />
        <CheckboxField
          name="body.nothingCopied"
          label="The imagery was not copied, printed or shared"
          hint="Copying, printing or sharing it is illegal, even to keep as evidence."
          checked={body.nothingCopied ?? false}
          onChange={(v) => setBody('nothingCopied', v)}
        />

        <h2>Afterwards</h2>
        <TextAreaField name="body.subsequentActions" label="Subsequent actions" hint="For example: reported for take-down, referred to the police, deleted from a school device." value={body.subsequentActions ?? ''} onChange={(v) => setBody('subsequentActions', v)} error={errors['body.subsequentActions']} />
        <RadioField
          name="body.staffSupport"
          label="Were staff who saw the imagery offered support?"
          hint="Viewing such imagery can be distressing for adults too."
          options={STAFF_SUPPORT.map((value) => ({ value, label: STAFF_SUPPORT_LABELS[value] }))}
          value={body.staffSupport}
          onChange={(v) => setBody('staffSupport', v)}
        />

        <div className="warnings-live" aria-live="polite">
          {warnings.length > 0 ? (
            <>
              <h2>Check before saving</h2>
              <ul className="warning-list">
                {warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      </EntryFormShell>
    </>
  );
}
