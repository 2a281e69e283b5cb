import type { z } from 'zod';
import { INCIDENT_KIND_LABELS, INCIDENT_KINDS, isPoliceMatter, MEDIA, MEDIA_LABELS, SHARING, SHARING_LABELS, type incidentInput } from '../../../../shared/domain/incidents';
import { INCIDENT_SOURCE_LABELS, INCIDENT_SOURCES } from '../../../../shared/domain/incident-source';
import { RadioField, TextAreaField, TextField } from '../../components/fields';
import type { FormErrors } from '../../components/use-form';
import { PoliceMatterWarning } from './PoliceMatterWarning';

export const INCIDENT_FIELD_LABELS = {
  title: 'Title',
  cameToAttentionOn: 'Date it came to the school’s attention',
  source: 'How did the incident reach the school?',
  sourceAgency: 'Who told the school?',
  sourceReference: 'Their reference (if they gave one)',
  imageryDate: 'Date the imagery was made',
  kind: 'What kind of incident is this?',
  media: 'Photo or video',
  services: 'Services or apps involved',
  sharing: 'How widely has it been shared?',
  sharingDetails: 'Where, or with whom',
};

type FactValues = Partial<z.input<typeof incidentInput>>;

/**
 * The facts of an incident, as asked when it is opened and when its details are corrected:
 * one set of questions, checked by the shared `incidentInput` schema in both places.
 */
export function IncidentFactsFields({
  values,
  setValue,
  errors,
  servicesText,
  setServicesText,
  dateHint,
}: {
  values: FactValues;
  setValue: <K extends keyof FactValues>(name: K, value: FactValues[K]) => void;
  errors: FormErrors;
  servicesText: string;
  setServicesText: (text: string) => void;
  /** Said under the date it came to attention (the correction form says the reference stays). */
  dateHint?: string;
}) {
  return (
    <>
      <TextField
        name="title"
        label={INCIDENT_FIELD_LABELS.title}
        hint="Short and neutral, with no names: for example “Image shared in a Year 10 group chat”. The title appears on lists and printouts."
        value={values.title ?? ''}
        onChange={(v) => setValue('title', v)}
        error={errors.title}
      />
      <TextField
        name="cameToAttentionOn"
        label={INCIDENT_FIELD_LABELS.cameToAttentionOn}
        hint={dateHint}
        type="date"
        width="medium"
        value={values.cameToAttentionOn ?? ''}
        onChange={(v) => setValue('cameToAttentionOn', v)}
        error={errors.cameToAttentionOn}
      />
      <RadioField
        name="source"
        label={INCIDENT_FIELD_LABELS.source}
        hint="Most incidents come to light in school. Sometimes the police or another agency tell the school first (UKCCIS 2016, Annex F, case 14)."
        options={INCIDENT_SOURCES.map((value) => ({ value, label: INCIDENT_SOURCE_LABELS[value] }))}
        value={values.source}
        onChange={(v) => setValue('source', v)}
        error={errors.source}
      />
      {values.source !== undefined && values.source !== 'school' ? (
        <>
          {values.source === 'police' ? (
            <p className="inset">The police already know of this incident, so the record shows them as involved from the outset. Ask them what the school should and should not do next, before speaking to the young people involved.</p>
          ) : null}
          <TextField
            name="sourceAgency"
            label={INCIDENT_FIELD_LABELS.sourceAgency}
            hint="The agency, and the person there: name, role, collar number or team."
            value={values.sourceAgency ?? ''}
            onChange={(v) => setValue('sourceAgency', v)}
            error={errors.sourceAgency}
          />
          <TextField
            name="sourceReference"
            label={INCIDENT_FIELD_LABELS.sourceReference}
            hint="A crime reference or case number. Leave blank if none was given."
            width="medium"
            value={values.sourceReference ?? ''}
            onChange={(v) => setValue('sourceReference', v)}
            error={errors.sourceReference}
          />
        </>
      ) : null}
      <TextField
        name="imageryDate"
        label={`${INCIDENT_FIELD_LABELS.imageryDate} (if known)`}
        hint="Ages are worked out on this date. If it is not known, a child counts as under 13 only if they were under 13 when the school found out, unless an image recorded later gives its own date."
        type="date"
        width="medium"
        value={values.imageryDate ?? ''}
        onChange={(v) => setValue('imageryDate', v)}
        error={errors.imageryDate}
      />
      <RadioField
        name="kind"
        label={INCIDENT_FIELD_LABELS.kind}
        hint="The advice covers the first three. Sharing of imagery of under-18s by an adult is child sexual abuse, and sexual extortion is blackmail: both go to the police."
        options={INCIDENT_KINDS.map((value) => ({ value, label: INCIDENT_KIND_LABELS[value] }))}
        value={values.kind}
        onChange={(v) => setValue('kind', v)}
        error={errors.kind}
      />
      {values.kind !== undefined && isPoliceMatter(values.kind) ? <PoliceMatterWarning kind={values.kind} /> : null}
      <RadioField
        name="media"
        label={INCIDENT_FIELD_LABELS.media}
        inline
        options={MEDIA.map((value) => ({ value, label: MEDIA_LABELS[value] }))}
        value={values.media}
        onChange={(v) => setValue('media', v)}
        error={errors.media}
      />
      <TextField
        name="services"
        label={INCIDENT_FIELD_LABELS.services}
        hint="Separate with commas, for example Snapchat, WhatsApp. Leave blank if not known."
        value={servicesText}
        onChange={setServicesText}
        error={errors.services}
      />
      <RadioField
        name="sharing"
        label={INCIDENT_FIELD_LABELS.sharing}
        options={SHARING.map((value) => ({ value, label: SHARING_LABELS[value] }))}
        value={values.sharing}
        onChange={(v) => setValue('sharing', v)}
        error={errors.sharing}
      />
      {values.sharing === 'shared' ? (
        <TextAreaField
          name="sharingDetails"
          label={INCIDENT_FIELD_LABELS.sharingDetails}
          hint="Which services, groups or people, as far as is known."
          value={values.sharingDetails ?? ''}
          onChange={(v) => setValue('sharingDetails', v)}
          error={errors.sharingDetails}
        />
      ) : null}
    </>
  );
}

/** The services as typed, one list: "Snapchat, WhatsApp" → ["Snapchat", "WhatsApp"]. */
export function servicesFromText(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter((s) => s !== '');
}
