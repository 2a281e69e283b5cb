import { useState } from 'react';
import { useNavigate } from 'react-router';
import { schoolToday } from '../../../../shared/domain/dates';
import { cameToAttentionError } from '../../../../shared/domain/impossible-dates';
import { draftDescription } from '../../../../shared/domain/drafts';
import { incidentInput } from '../../../../shared/domain/incidents';
import { useWrite } from '../../api/queries';
import { ErrorSummary } from '../../components/ErrorSummary';
import { NEW_INCIDENT_GUIDANCE } from '../../../../shared/help/form-links';
import { GuidanceLink } from '../help/GuidanceLink';
import { PageHeading } from '../../components/PageHeading';
import { useForm } from '../../components/use-form';
import { DraftNotice } from '../drafts/DraftNotice';
import { liveErrors, withLiveErrors } from '../../components/live-errors';
import { INCIDENT_FIELD_LABELS, IncidentFactsFields, servicesFromText } from './IncidentFactsFields';

const NEW_INCIDENT = { form: 'new-incident' } as const;

export function NewIncidentPage() {
  const navigate = useNavigate();
  const [servicesText, setServicesText] = useState('');
  const form = useForm(incidentInput, {
    title: '',
    cameToAttentionOn: schoolToday(),
    imageryDate: '',
    services: [],
    sharingDetails: '',
    source: 'school',
    sourceAgency: '',
    sourceReference: '',
  }, {
    draft: { form: NEW_INCIDENT, description: draftDescription(NEW_INCIDENT, null) },
    beside: { servicesText },
    restoreBeside: (kept) => setServicesText(typeof kept.servicesText === 'string' ? kept.servicesText : ''),
  });
  const { values, setValue } = form;
  // Checked as the date is typed, on the school's clock, as the core checks it.
  const live = { cameToAttentionOn: cameToAttentionError(values.cameToAttentionOn ?? '', schoolToday()) };
  const errors = withLiveErrors(form.errors, live);

  const createIncident = useWrite('incidents.create');
  async function submit() {
    const parsed = form.validate({ services: servicesFromText(servicesText) });
    const impossible = liveErrors(live);
    if (Object.keys(impossible).length > 0) return form.setErrors((shown) => ({ ...(parsed ? {} : shown), ...impossible }));
    if (!parsed) return;
    form.setBusy(true);
    const result = await createIncident(parsed);
    form.setBusy(false);
    if (!result.ok) return form.showServerError(result.error);
    form.saved();
    void navigate(`/incidents/${result.value.id}`);
  }

  return (
    <>
      <PageHeading caption="Incidents">Open a new incident</PageHeading>
      <p className="lead">Record what is known now; everything else is added as it happens. Each step is dated and signed to you.</p>
      <ErrorSummary errors={form.errors} labels={INCIDENT_FIELD_LABELS} formError={form.formError} />
      <GuidanceLink sectionId={NEW_INCIDENT_GUIDANCE} />
      <DraftNotice draft={form.draft} />
      <form
        noValidate
        className="form-narrow"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <IncidentFactsFields values={values} setValue={setValue} errors={errors} servicesText={servicesText} setServicesText={setServicesText} />
        <button type="submit" className="button" disabled={form.busy}>
          Open incident
        </button>
      </form>
    </>
  );
}
