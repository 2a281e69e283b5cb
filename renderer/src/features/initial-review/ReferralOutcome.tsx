import type { ReferralAssessment } from '../../../../shared/domain/referral';
import { MALICIOUS_SHARING_QUESTION, TRIGGER_TEXT } from '../../../../shared/domain/referral-text';

/** The five points' verdict, live, with which points and why. */
export function ReferralOutcome({ assessment, reasons, maliciousOpen = false }: { assessment: ReferralAssessment; reasons: string[]; maliciousOpen?: boolean }) {
  const list = (triggers: ReferralAssessment['triggers']) => (
    <ul>
      {triggers.map((t) => (
        <li key={t}>
          Point {TRIGGER_TEXT[t].number}: {TRIGGER_TEXT[t].met}
        </li>
      ))}
    </ul>
  );
  if (assessment.outcome === 'refer-now') {
    return (
      <div className="outcome outcome-refer" role="status" aria-live="polite" data-outcome="refer-now">
        <h3>Refer now to the police and/or children’s social care</h3>
        {list(assessment.triggers)}
        {assessment.aggravating.length > 0 ? <p>Aggravating factor: {MALICIOUS_SHARING_QUESTION.met}</p> : null}
        {reasons.map((r) => (
          <p key={r}>{r}</p>
        ))}
        <p>Any one of the five points means an immediate referral. If your area has a MASH it may be the first point of contact.</p>
      </div>
    );
  }
  if (assessment.outcome === 'should-refer') {
    return (
      <div className="outcome outcome-refer" role="status" aria-live="polite" data-outcome="should-refer">
        <h3>Should be referred to the police and/or children’s social care</h3>
        <p>None of the five points is met, but there is an aggravating factor: {MALICIOUS_SHARING_QUESTION.met}</p>
        <p>
          The guidance says: “any incidents with aggravating factors, for example, a young person sharing someone else’s imagery
          without consent and with malicious intent, should generally be referred to police and/or children’s social care”.
          Managing it in school instead needs your reasons and the headteacher’s signature.
        </p>
      </div>
    );
  }
  if (assessment.outcome === 'in-doubt-refer') {
    return (
      <div className="outcome outcome-doubt" role="status" aria-live="polite" data-outcome="in-doubt-refer">
        <h3>If in doubt, refer</h3>
        {assessment.unknown.length > 0 ? <p>None of the five points is met, but these are not yet ruled out:</p> : <p>None of the five points is met.</p>}
        {assessment.unknown.length > 0 ? (
          <ul>
            {assessment.unknown.map((t) => (
              <li key={t}>
                Point {TRIGGER_TEXT[t].number}: {TRIGGER_TEXT[t].question}
              </li>
            ))}
          </ul>
        ) : null}
        {maliciousOpen ? <p>Not yet known: {MALICIOUS_SHARING_QUESTION.question}</p> : null}
        {reasons.map((r) => (
          <p key={r}>{r}</p>
        ))}
        <p>The guidance says: if you have any doubts about whether to involve other agencies, make a referral to the police.</p>
      </div>
    );
  }
  return (
    <div className="outcome outcome-manage" role="status" aria-live="polite" data-outcome="school-may-manage">
      <h3>The school may manage this in school</h3>
      <p>
        None of the five points applies. The school may respond without involving the police or children’s social care if the DSL is
        confident they have enough information to assess the risks and can manage them within the school’s pastoral and
        disciplinary framework. The decision not to refer needs its reasons and the headteacher’s signature, and can be reviewed
        and escalated at any time.
      </p>
    </div>
  );
}
