import { useState } from 'react';
import { z } from 'zod';
import { ENTRY_KIND_DEFINITIONS, entryTiming } from '../../../../shared/domain/entries/kinds';
import { DECISION_LABELS, DECISIONS, initialReviewBody, OVERRIDDEN_OUTCOMES, overrideMissing, REFER_TO, REFER_TO_LABELS, REVIEW_CONSIDERATIONS, type ReviewConsideration } from '../../../../shared/domain/entries/initial-review';
import { assessImmediateReferral, TRIGGERS, type Answer } from '../../../../shared/domain/referral';
import { TRIGGER_ANSWER_FIELD, TRIGGER_TEXT } from '../../../../shared/domain/referral-text';
import { reviewInput } from '../../../../shared/domain/review-people';
import type { EntryVersion, IncidentDetail } from '../../../../shared/ipc/contract';
import { fieldErrors } from '../../../../shared/ipc/field-errors';
import { CheckboxesField, RadioField, TextAreaField, TextField } from '../../components/fields';
import { EntryFormShell } from '../entries/EntryFormShell';
import { useEntryForm } from '../entries/use-entry-form';
import { ReferralOutcome } from './ReferralOutcome';
import { MALICIOUS_SHARING_QUESTION } from '../../../../shared/domain/referral-text';
import { PeopleAtReview } from './PeopleAtReview';
import { imageryOfDetail } from './review-facts';
import { blackmailOnRecord } from '../../../../shared/domain/extortion-review';

type Body = z.input<typeof initialReviewBody>;
type Points = Partial<Body['points']>;
/** The form's working copy: any question may still be unanswered. */
type Draft = Omit<Partial<Body>, 'points'> & { points?: Points };
const reviewForm = entryTiming.extend({ body: initialReviewBody });
const ANSWERS = [
  { value: 'yes' as const, label: 'Yes' },
  { value: 'no' as const, label: 'No' },
  { value: 'unknown' as const, label: 'Not known' },
];
const EMPTY_NOTES = { adultInvolved: '', coercionOrGrooming: '', unusualOrViolent: '', sexualActs: '', immediateRisk: '' };
const EMPTY_CONSIDERATIONS = { immediateRisk: '', viewingNeeded: '', furtherInformation: '', sharing: '', deletion: '', relevantFacts: '', otherSettings: '', parents: '' };

const LABELS: Record<string, string> = {
  'body.attendees': 'Who attended',
  ...Object.fromEntries(TRIGGERS.map((t) => [`body.points.${TRIGGER_ANSWER_FIELD[t]}`, `Point ${TRIGGER_TEXT[t].number}`])),
  'body.maliciousSharing': 'Malicious sharing',
  'body.decision': 'Decision',
  'body.referTo': 'Referred to',
  'body.reasons': 'Reasons',
  'body.nextReviewBy': 'Review the decision by',
  'body.overrideReasons': 'Why not refer',
};

/**
 * Section 2, "Initial review meeting": what it should establish, the five points with the
 * outcome worked out live, and the decision with its reasons.
 */
export function InitialReviewForm({ detail, amending, onSaved }: { detail: IncidentDetail; amending?: EntryVersion; onSaved: (referToPolice: boolean) => void }) {
  const previous = amending ? initialReviewBody.safeParse(amending.body) : null;
  const blackmail = blackmailOnRecord(detail.incident.kind, detail.entries.filter((entry) => entry.latest));
  const [body, setBody] = useState<Draft>(
    previous?.success
      ? previous.data
      : { attendees: '', considerations: EMPTY_CONSIDERATIONS, points: blackmail ? { coercionOrGrooming: 'yes' } : {}, pointNotes: EMPTY_NOTES, referTo: [], reasons: '', overrideReasons: '' },
  );
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setBody((b) => ({ ...b, [key]: value }));
  const points: Points = body.points ?? {};
  const answers = {
    adultInvolved: points.adultInvolved ?? 'unknown',
    coercionOrGrooming: points.coercionOrGrooming ?? 'unknown',
    unusualOrViolent: points.unusualOrViolent ?? 'unknown',
    sexualActs: points.sexualActs ?? 'unknown',
    immediateRisk: points.immediateRisk ?? 'unknown',
    maliciousSharing: body.maliciousSharing ?? 'unknown',
  } satisfies Record<string, Answer>;
  const assessment = assessImmediateReferral(reviewInput(detail.incident, detail.people, answers, imageryOfDetail(detail)));
  const f = useEntryForm({
    kind: 'initial-review',
    detail,
    amending,
    draft: body,
    // Kept from this form's own body, so it has this shape.
    restore: (kept) => setBody((current) => ({ ...current, ...(kept as Draft) })),
    check: (timing) => {
      const parsed = reviewForm.safeParse({ ...timing, body });
      // Optional in the schema only so that reviews signed before it was asked stay valid: a new review must answer it.
      const unanswered: Record<string, string> = body.maliciousSharing === undefined ? { 'body.maliciousSharing': MALICIOUS_SHARING_QUESTION.missing } : {};
      if (!parsed.success) return { ok: false, errors: { ...fieldErrors(parsed.error), ...unanswered } };
      const { occurredOn, occurredTime, body: checked } = parsed.data;
      if (checked.maliciousSharing === undefined) return { ok: false, errors: unanswered };
      const refused = overrideMissing(assessment.outcome, checked);
      if (refused) return { ok: false, errors: { 'body.overrideReasons': refused.field } };
      return { ok: true, value: { occurredOn, occurredTime, kind: 'initial-review', body: checked } };
    },
    // What was just saved is what is on screen: a police referral leads on to recording the report.
    onSaved: () => onSaved(body.decision === 'refer' && (body.referTo ?? []).includes('police')),
  });
  const e = f.errors;

  return (
    <EntryFormShell form={f} kind="initial-review" name={ENTRY_KIND_DEFINITIONS['initial-review'].label} dateLabel="Date of the meeting" labels={LABELS} saveLabel="Save initial review">
        <TextAreaField name="body.attendees" label="Who attended" hint="The DSL and appropriate school staff." rows={2} value={body.attendees ?? ''} onChange={(v) => set('attendees', v)} error={e['body.attendees']} />

        <h2>What the meeting established</h2>
        <p className="hint">The guidance lists what the initial review should try to establish. Note what is known; leave blank what is not.</p>
        {(Object.keys(REVIEW_CONSIDERATIONS) as ReviewConsideration[]).map((key) => (
          <TextAreaField
            key={key}
            name={`body.considerations.${key}`}
            label={REVIEW_CONSIDERATIONS[key]}
            rows={2}
            value={body.considerations?.[key] ?? ''}
            onChange={(v) => set('considerations', { ...EMPTY_CONSIDERATIONS, ...body.considerations, [key]: v })}
          />
        ))}

        <h2>The five points for immediate referral</h2>
        <PeopleAtReview detail={detail} />
        {TRIGGERS.map((trigger) => {
          const field = TRIGGER_ANSWER_FIELD[trigger];
          return (
            <div key={trigger} className="point">
              <RadioField
                name={`body.points.${field}`}
                label={`${TRIGGER_TEXT[trigger].number}. ${TRIGGER_TEXT[trigger].question}`}
                {...(field === 'coercionOrGrooming' && blackmail ? { hint: blackmail } : {})}
                inline
                options={ANSWERS}
                value={points[field]}
                onChange={(v) => set('points', { ...points, [field]: v })}
                error={e[`body.points.${field}`]}
              />
              <TextField
                name={`body.pointNotes.${field}`}
                label={`Note on point ${TRIGGER_TEXT[trigger].number}`}
                value={body.pointNotes?.[field] ?? ''}
                onChange={(v) => set('pointNotes', { ...EMPTY_NOTES, ...body.pointNotes, [field]: v })}
              />
            </div>
          );
        })}
        <h2>Aggravating factors</h2>
        <RadioField
          name="body.maliciousSharing"
          label={MALICIOUS_SHARING_QUESTION.question}
          hint={MALICIOUS_SHARING_QUESTION.hint}
          inline
          options={ANSWERS}
          value={body.maliciousSharing}
          onChange={(v) => set('maliciousSharing', v)}
          error={e['body.maliciousSharing']}
        />
        <ReferralOutcome assessment={assessment} reasons={[]} maliciousOpen={answers.maliciousSharing === 'unknown'} />

        <h2>Decision</h2>
        <RadioField
          name="body.decision"
          label="What did the meeting decide?"
          hint="The decision is made by the DSL with input from the headteacher. It should be reviewed throughout the incident; escalation is possible at any time."
          options={DECISIONS.map((value) => ({ value, label: DECISION_LABELS[value] }))}
          value={body.decision}
          onChange={(v) => set('decision', v)}
          error={e['body.decision']}
        />
        {body.decision === 'refer' ? (
          <CheckboxesField
            name="body.referTo"
            label="Referred to"
            options={REFER_TO.map((value) => ({ value, label: REFER_TO_LABELS[value] }))}
            value={body.referTo ?? []}
            onChange={(v) => set('referTo', v)}
            error={e['body.referTo']}
          />
        ) : null}
        {body.decision === 'manage-in-school' && assessment.outcome !== 'school-may-manage' ? (
          <>
            <div className="warning-text" role="alert">
              {assessment.outcome === 'refer-now'
                ? 'The five points say this must be referred now. Managing it in school instead is an explicit override: record why below; the headteacher must sign it.'
                : OVERRIDDEN_OUTCOMES.includes(assessment.outcome)
                  ? 'The guidance says an incident with malicious sharing should generally be referred. Managing it in school instead is an explicit override: record why below; the headteacher must sign it.'
                  : 'Some points are not ruled out. The guidance says: if in doubt, refer. Record why you are confident to manage it in school.'}
            </div>
            <TextAreaField name="body.overrideReasons" label="Why is this not being referred?" value={body.overrideReasons ?? ''} onChange={(v) => set('overrideReasons', v)} error={e['body.overrideReasons']} />
          </>
        ) : null}
        <TextAreaField
          name="body.reasons"
          label="Reasons for the decision"
          hint={body.decision === 'manage-in-school' ? 'A decision not to refer must record its reasons and be signed off by the headteacher.' : 'Why this decision, in the best interests of the young people involved.'}
          value={body.reasons ?? ''}
          onChange={(v) => set('reasons', v)}
          error={e['body.reasons']}
        />
        <TextField
          name="body.nextReviewBy"
          label="Review the decision by (optional)"
          hint="The guidance says the decision should be reviewed throughout the incident. While the incident is open, the dashboard shows it once this date has passed; record each review as “Review of the decision”."
          type="date"
          width="medium"
          value={body.nextReviewBy ?? ''}
          onChange={(v) => set('nextReviewBy', v)}
          error={e['body.nextReviewBy']}
        />
    </EntryFormShell>
  );
}
