import { SummaryRows } from '../../components/SummaryRows';
import { DECISION_LABELS, REFER_TO_LABELS, REVIEW_CONSIDERATIONS, type InitialReviewBody, type ReviewConsideration } from '../../../../shared/domain/entries/initial-review';
import { TRIGGERS } from '../../../../shared/domain/referral';
import { TRIGGER_ANSWER_FIELD, TRIGGER_TEXT } from '../../../../shared/domain/referral-text';

const ANSWER: Record<string, string> = { yes: 'Yes', no: 'No', unknown: 'Not known' };

export function InitialReviewDetails({ body }: { body: InitialReviewBody }) {
  const rows: [string, string][] = [
    ['Who attended', body.attendees],
    ...(Object.keys(REVIEW_CONSIDERATIONS) as ReviewConsideration[]).filter((k) => body.considerations[k] !== '').map((k): [string, string] => [REVIEW_CONSIDERATIONS[k], body.considerations[k]]),
    ...TRIGGERS.map((t): [string, string] => {
      const field = TRIGGER_ANSWER_FIELD[t];
      const note = body.pointNotes[field];
      return [`Point ${TRIGGER_TEXT[t].number}: ${TRIGGER_TEXT[t].question}`, `${ANSWER[body.points[field]] ?? ''}${note ? ` — ${note}` : ''}`];
    }),
    ['Decision', body.decision === 'refer' ? `Refer to ${body.referTo.map((t) => REFER_TO_LABELS[t]).join(', ')}` : DECISION_LABELS[body.decision]],
    ['Reasons', body.reasons],
    ...(body.overrideReasons ? ([['Why not referred despite the five points', body.overrideReasons]] as [string, string][]) : []),
  ];
  return (
    <SummaryRows rows={rows} />
  );
}
