import { useState } from 'react';
import { useNavigate } from 'react-router';
import { schoolToday } from '../../../../shared/domain/dates';
import { cameToAttentionError } from '../../../../shared/domain/impossible-dates';
import { INCIDENT_KIND_LABELS, INCIDENT_KINDS, MEDIA, MEDIA_LABELS, SHARING, SHARING_LABELS, incidentInput } from '../../../../shared/domain/incidents';
import { call } from '../../api/client';
import { ErrorSummary } from '../../components/ErrorSummary';
import { RadioField, TextAreaField, TextField } from '../../components/fields';
import { PageHeading } from '../../components/PageHeading';
import { useForm } from '../../components/use-form';
import { useUnsavedChanges } from '../../components/unsaved-changes';
import { liveErrors, withLiveErrors } from '../../components/live-errors';
import { AdultInvolvedWarning } from './AdultInvolvedWarning';

const LABELS = {
  title: 'Title',
  cameToAttentionOn: 'Date it came to the school’s attention',
  imageryDate: 'Date the imagery was made',
  kind: 'What kind of incident is this?',
  media: 'Photo or video',
  services: 'Services or apps involved',
  sharing: 'How widely has it been shared?',
  sharingDetails: 'Where, or with whom',
};

export function NewIncidentPage() {
  const navigate = useNavigate();
  const form = useForm(incidentInput, {
    title: '',
    cameToAttentionOn: schoolToday(),
    imageryDate: '',
    services: [],
    sharingDetails: '',
  });
  const { values, setValue } = form;
  const [servicesText, setServicesText] = useState('');
  const draft = useUnsavedChanges(servicesText);
  // Checked as the date is typed, on the school's clock, as the core checks it.
  const live = { cameToAttentionOn: cameToAttentionError(values.cameToAttentionOn ?? '', schoolToday()) };
  const errors = withLiveErrors(form.errors, live);

  async function submit() {
    const services = servicesText.split(',').map((s) => s.trim()).filter((s) => s !== '');
    const parsed = form.validate({ services });
    const impossible = liveErrors(live);
    if (Object.keys(impossible).length > 0) return form.setErrors((shown) => ({ ...(parsed ? {} : shown), ...impossible }));
    if (!parsed) return;
    form.setBusy(true);
    const result = await call('incidents.create', parsed);
    form.setBusy(false);
    if (!result.ok) return form.showServerError(result.error);
    form.saved();
    draft.saved();
    void navigate(`/incidents/${result.value.id}`);
  }

  return (
    <>
      <PageHeading caption="Incidents">Open a new incident</PageHeading>
      <p className="lead">Record what is known now; everything else is added as it happens. Each step is dated and signed to you.</p>
      <ErrorSummary errors={form.errors} labels={LABELS} formError={form.formError} />
      <form
        noValidate
        className="form-narrow"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextField
          name="title"
          label={LABELS.title}
          hint="Short and neutral, with no names: for example “Image shared in a Year 10 group chat”. The title appears on lists and printouts."
          value={values.title}
          onChange={(v) => setValue('title', v)}
          error={errors.title}
        />
        <TextField name="cameToAttentionOn" label={LABELS.cameToAttentionOn} type="date" width="medium" value={values.cameToAttentionOn} onChange={(v) => setValue('cameToAttentionOn', v)} error={errors.cameToAttentionOn} />
        <TextField
          name="imageryDate"
          label={`${LABELS.imageryDate} (if known)`}
          hint="Ages are worked out on this date. If it is not known, the date it came to attention is used."
          type="date"
          width="medium"
          value={values.imageryDate ?? ''}
          onChange={(v) => setValue('imageryDate', v)}
          error={errors.imageryDate}
        />
        <RadioField
          name="kind"
          label={LABELS.kind}
          hint="The advice covers the first three. Sharing of imagery of under-18s by an adult is child sexual abuse and goes to the police."
          options={INCIDENT_KINDS.map((value) => ({ value, label: INCIDENT_KIND_LABELS[value] }))}
          value={values.kind}
          onChange={(v) => setValue('kind', v)}
          error={errors.kind}
        />
        {values.kind === 'adult-shared' ? <AdultInvolvedWarning /> : null}
        <RadioField name="media" label={LABELS.media} inline options={MEDIA.map((value) => ({ value, label: MEDIA_LABELS[value] }))} value={values.media} onChange={(v) => setValue('media', v)} error={errors.media} />
        <TextField
          name="services"
          label={LABELS.services}
          hint="Separate with commas, for example Snapchat, WhatsApp. Leave blank if not known."
          value={servicesText}
          onChange={setServicesText}
          error={errors.services}
        />
        <RadioField name="sharing" label={LABELS.sharing} options={SHARING.map((value) => ({ value, label: SHARING_LABELS[value] }))} value={values.sharing} onChange={(v) => setValue('sharing', v)} error={errors.sharing} />
        {values.sharing === 'shared' ? (
          <TextAreaField name="sharingDetails" label={LABELS.sharingDetails} hint="Which services, groups or people, as far as is known." value={values.sharingDetails ?? ''} onChange={(v) => setValue('sharingDetails', v)} error={errors.sharingDetails} />
        ) : null}
        <button type="submit" className="button" disabled={form.busy}>
          Open incident
        </button>
      </form>
    </>
  );
}
