import { TRIGGER_TEXT } from '../../../../shared/domain/referral-text';
import { answerWords, INITIAL_REVIEW_CITATION, OUTCOME_WORDS, type PracticeFeedback as Feedback } from '../../../../shared/practice/feedback';
import { ReferralOutcome } from '../initial-review/ReferralOutcome';
import { FeedbackCaveat } from './FeedbackCaveat';

/** "What the guidance's rules imply", beside the person's own answers (issue 22 item 3). */
export function PracticeFeedback({ feedback }: { feedback: Feedback }) {
  const { entered, facts, differences, decision, typology } = feedback;
  return (
    <section aria-labelledby="practice-feedback-title">
      <h3 id="practice-feedback-title">What the guidance’s rules imply</h3>
      <FeedbackCaveat />
      <h4>For the facts as you entered them</h4>
      <ReferralOutcome assessment={entered} reasons={[]} />
      <h4>For the case study’s facts as given</h4>
      <p data-testid="facts-outcome">{OUTCOME_WORDS[facts.outcome]}.</p>
      {facts.triggers.length > 0 ? (
        <ul>
          {facts.triggers.map((t) => (
            <li key={t}>
              Point {TRIGGER_TEXT[t].number}: {TRIGGER_TEXT[t].met}
            </li>
          ))}
        </ul>
      ) : null}
      <h4>Where your answers differ from the case study’s facts</h4>
      {differences.length === 0 ? (
        <p>Your answers to the five points and the aggravating factor match what the case study’s facts imply.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Question</th>
              <th scope="col">Your answer</th>
              <th scope="col">The facts imply</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {differences.map((d) => (
              <tr key={d.field}>
                <th scope="row">
                  {d.label}: {d.question}
                </th>
                <td>{answerWords(d.yours)}</td>
                <td>{answerWords(d.facts)}</td>
                <td>{d.why}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        Your decision: {decision.yours}.{' '}
        {decision.differs ? `For the case study’s facts the rules say: ${OUTCOME_WORDS[facts.outcome]}.` : 'It is the one the rules point to for the case study’s facts.'}
      </p>
      <p className="hint">The five points and the aggravating factor: {INITIAL_REVIEW_CITATION}.</p>
      <h4>The typology the facts suggest</h4>
      <p>
        <strong>{typology.name}</strong>: {typology.suggestion.why}
      </p>
      <blockquote>{typology.sheet}</blockquote>
      <p>{typology.fromYourAnswers}</p>
      <p className="hint">{typology.citation}.</p>
    </section>
  );
}
