import { DECISION_LABELS, initialReviewBody } from '../domain/entries/initial-review';
import { assessImmediateReferral, TRIGGERS, type Answer, type ReferralAssessment, type ReferralOutcome } from '../domain/referral';
import { MALICIOUS_SHARING_QUESTION, TRIGGER_ANSWER_FIELD, TRIGGER_TEXT } from '../domain/referral-text';
import { reviewInput, imageryOfEntries, type PersonFacts, type ReviewDates } from '../domain/review-people';
import { TYPOLOGY_CITATION, TYPOLOGY_WORDS, type TypologySuggestion } from '../domain/typology';
import { citationText } from '../help/citations';
import { scenarioAssessment, scenarioTypology, type Scenario, type ScenarioAnswers } from './scenarios';

export const INITIAL_REVIEW_CITATION = citationText({ advice: 'ukccis-2016', part: 'section 2', heading: 'Initial review meeting' });

/** Said wherever the feedback is shown: the advice gives no answers to its case studies. */
export const FEEDBACK_CAVEAT =
  'These are what the guidance’s rules imply for the facts as given and as you entered them, not a marking key: the advice gives no answers to its case studies. Professional judgement, with colleagues, and your local safeguarding procedures decide.';

export const OUTCOME_WORDS: Record<ReferralOutcome, string> = {
  'refer-now': 'Refer now to the police and/or children’s social care',
  'should-refer': 'Should be referred (an aggravating factor)',
  'in-doubt-refer': 'If in doubt, refer',
  'school-may-manage': 'The school may manage it in school',
};

type AnswerDifference = {
  field: keyof ScenarioAnswers;
  /** "Point 2" or "Aggravating factor". */
  label: string;
  question: string;
  yours: Answer;
  facts: Answer;
  why: string;
};

export type PracticeFeedback = {
  /** The five points for the people, images and answers as entered: the same assessment the review page shows. */
  entered: ReferralAssessment;
  /** The same rules on the scenario's facts as the case study gives them. */
  facts: ReferralAssessment;
  decision: { yours: string; differs: boolean };
  differences: AnswerDifference[];
  typology: { suggestion: TypologySuggestion; name: string; sheet: string; citation: string; fromYourAnswers: string };
};

type IncidentAsEntered = {
  incident: ReviewDates;
  people: readonly PersonFacts[];
  entries: readonly { kind: string; body: unknown; latest: boolean }[];
};

const ANSWER_WORDS: Record<Answer, string> = { yes: 'yes', no: 'no', unknown: 'not known' };
export const answerWords = (answer: Answer): string => ANSWER_WORDS[answer];

/** What the person's answers alone say of the typology: only its aggravated kinds are in the review's questions. */
function typologyFromAnswers(answers: ScenarioAnswers, entered: ReferralAssessment): string {
  if (entered.triggers.includes('adult-involved')) return 'Your review has an adult involved: Resource Sheet 1 looks at whether the adult sought or took part in it (aggravated: adult involved).';
  if (answers.coercionOrGrooming === 'yes' || answers.maliciousSharing === 'yes')
    return 'Your review has coercion or blackmail, or malicious sharing: aggravated, youth only, intent to harm, unless an adult offender is involved.';
  return 'Your review records no aggravating element. Whether it was reckless misuse, romantic, attention seeking or other turns on facts the review does not ask: compare the facts with Resource Sheet 1.';
}

/**
 * The feedback on a practice incident once it has an initial review: the rules on the facts as
 * entered, the rules on the scenario's facts, and where the person's answers differ from what
 * the scenario's facts imply. Null before any initial review is recorded.
 */
export function practiceFeedback(scenario: Scenario, detail: IncidentAsEntered): PracticeFeedback | null {
  const latest = detail.entries.filter((e) => e.kind === 'initial-review' && e.latest).at(-1);
  if (!latest) return null;
  const parsed = initialReviewBody.safeParse(latest.body);
  if (!parsed.success) return null;
  const body = parsed.data;
  const answers: ScenarioAnswers = { ...body.points, maliciousSharing: body.maliciousSharing ?? 'no' };
  const imagery = imageryOfEntries(detail.entries.filter((e) => e.latest));
  const entered = assessImmediateReferral(reviewInput(detail.incident, detail.people, answers, imagery));
  const facts = scenarioAssessment(scenario);

  const differences: AnswerDifference[] = [
    ...TRIGGERS.map((trigger) => {
      const field = TRIGGER_ANSWER_FIELD[trigger];
      const text = TRIGGER_TEXT[trigger];
      return { field, label: `Point ${text.number}`, question: text.question, yours: answers[field], facts: scenario.answers[field], why: scenario.answerNotes[field] ?? '' };
    }),
    {
      field: 'maliciousSharing' as const,
      label: 'Aggravating factor',
      question: MALICIOUS_SHARING_QUESTION.question,
      yours: answers.maliciousSharing,
      facts: scenario.answers.maliciousSharing,
      why: scenario.answerNotes.maliciousSharing ?? '',
    },
  ].filter((d) => d.yours !== d.facts);

  const factsSayRefer = facts.outcome !== 'school-may-manage';
  const suggestion = scenarioTypology(scenario);
  return {
    entered,
    facts,
    decision: { yours: DECISION_LABELS[body.decision], differs: factsSayRefer !== (body.decision === 'refer') },
    differences,
    typology: {
      suggestion,
      name: TYPOLOGY_WORDS[suggestion.category].name,
      sheet: TYPOLOGY_WORDS[suggestion.category].sheet,
      citation: TYPOLOGY_CITATION,
      fromYourAnswers: typologyFromAnswers(answers, entered),
    },
  };
}
