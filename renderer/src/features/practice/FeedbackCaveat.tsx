import { FEEDBACK_CAVEAT } from '../../../../shared/practice/feedback';

/** The advice gives no answers to its case studies: said wherever the practice shows the rules' view. */
export function FeedbackCaveat() {
  return <p className="hint">{FEEDBACK_CAVEAT}</p>;
}
