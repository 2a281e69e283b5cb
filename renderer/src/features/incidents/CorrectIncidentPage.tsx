import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { schoolToday } from '../../../../shared/domain/dates';
import { cameToAttentionError, firstPicturedBornAfterImagery } from '../../../../shared/domain/impossible-dates';
import { draftDescription } from '../../../../shared/domain/drafts';
import { personDateOfBirth } from '../../../../shared/domain/incidents';
import type { IncidentDetail } from '../../../../shared/ipc/contract';
import { incidentCorrection } from '../../../../shared/ipc/contract-lifecycle';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextAreaField } from '../../components/fields';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { useRead, useWrite } from '../../api/queries';
import { useForm } from '../../components/use-form';
import { DraftNotice } from '../drafts/DraftNotice';
import { liveErrors, withLiveErrors } from '../../components/live-errors';
import { ClosedIncidentPage, isReadOnly } from './ClosedIncident';
import { INCIDENT_FIELD_LABELS, IncidentFactsFields, servicesFromText } from './IncidentFactsFields';

const LABELS = { ...INCIDENT_FIELD_LABELS, reason: 'Why are these details being corrected?' };

function CorrectionForm({ incident, people }: { incident: IncidentDetail['incident']; people: IncidentDetail['people'] }) {
  const navigate = useNavigate();
  const { title, cameToAttentionOn, imageryDate, kind, media, services, sharing, sharingDetails, source, sourceAgency, sourceReference } = incident;
  const [servicesText, setServicesText] = useState(services.join(', '));
  const correcting = { form: 'correct-incident', incidentId: incident.id } as const;
  const form = useForm(incidentCorrection, {
    title,
    cameToAttentionOn,
    imageryDate,
    kind,
    media,
    services,
    sharing,
    sharingDetails,
    source,
    sourceAgency,
    sourceReference,
    reason: '',
  }, {
    draft: { form: correcting, description: draftDescription(correcting, incident.reference) },
    beside: { servicesText },
    restoreBeside: (kept) => setServicesText(typeof kept.servicesText === 'string' ? kept.servicesText : services.join(', ')),
  });
  const { values, setValue } = form;
  // The same checks as the core, as the dates are typed, on the school's clock.
  const facts = { imageryDate: values.imageryDate ?? '', cameToAttentionOn: values.cameToAttentionOn ?? '' };
  const unborn = firstPicturedBornAfterImagery(
    people.map((p) => ({ roles: p.roles, dateOfBirth: personDateOfBirth(p) })),
    facts,
  );
  const live = {
    cameToAttentionOn: cameToAttentionError(facts.cameToAttentionOn, schoolToday()) ?? (unborn && !facts.imageryDate ? unborn.message : null),
    imageryDate: unborn && facts.imageryDate ? unborn.message : null,
  };
  const errors = withLiveErrors(form.errors, live);

  const correctIncident = useWrite('incidents.correct');
  async function submit() {
    const parsed = form.validate({ services: servicesFromText(servicesText) });
    const impossible = liveErrors(live);
    if (Object.keys(impossible).length > 0) return form.setErrors((shown) => ({ ...(parsed ? {} : shown), ...impossible }));
    if (!parsed) return;
    form.setBusy(true);
    const result = await correctIncident({ ...parsed, incidentId: incident.id });
    form.setBusy(false);
    if (!result.ok) return form.showServerError(result.error);
    form.saved();
    void navigate(`/incidents/${incident.id}`);
  }

  return (
    <>
      <p className="lead">
        Correct what was entered when the incident was opened. The details as they were stay in the record, with who corrected them, when and why.
      </p>
      <ErrorSummary errors={errors} labels={LABELS} formError={form.formError} />
      <DraftNotice draft={form.draft} />
      <form
        noValidate
        className="form-narrow"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <IncidentFactsFields
          values={values}
          setValue={(name, value) => form.setValues((current) => ({ ...current, [name]: value }))}
          errors={errors}
          servicesText={servicesText}
          setServicesText={setServicesText}
          dateHint={`The reference ${incident.reference} stays the same even if the year changes: printouts and referrals already use it.`}
        />
        <TextAreaField
          name="reason"
          label={LABELS.reason}
          hint="For example “The date was typed a year out” or “The police confirmed an adult sent it”. This is kept with the correction."
          rows={3}
          value={values.reason ?? ''}
          onChange={(v) => setValue('reason', v)}
          error={errors.reason}
        />
        <div className="button-group">
          <button type="submit" className="button" disabled={form.busy}>
            Save the correction
          </button>
          <Link to={`/incidents/${incident.id}`} className="button button-secondary">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}

/** /incidents/:incidentId/edit: "Edit incident details", for a DSL or deputy while the incident is open. */
export function CorrectIncidentPage() {
  const incidentId = Number(useParams().incidentId);
  const loaded = useRead('incidents.get', { incidentId });
  return (
    <LoadState loaded={loaded}>
      {(detail) =>
        isReadOnly(detail.incident) ? (
          <ClosedIncidentPage detail={detail} />
        ) : (
          <>
            <PageHeading caption={detail.incident.reference}>Edit incident details</PageHeading>
            <CorrectionForm incident={detail.incident} people={detail.people} />
          </>
        )
      }
    </LoadState>
  );
}
