import { HACKETT, HACKETT_LABELS, RISK_QUESTIONS, TYPOLOGY, TYPOLOGY_LABELS, type RiskQuestion } from '../../domain/entries/risk-assessment';
import { ABOUT_FIELD, choices, type FieldSpec, type FormSpec } from '../field-spec';

const QUESTIONS = Object.keys(RISK_QUESTIONS) as RiskQuestion[];

const NOT_CLASSIFIED = { value: '', label: 'Not classified' } as const;

/** Annex F, Resource Sheet 1 (after Wolak and Finkelhor), shortened. */
const TYPOLOGY_HINTS: Record<(typeof TYPOLOGY)[number], string> = {
  'aggravated-adult': 'An adult offender seeks a relationship with, or images from, a young person.',
  'aggravated-youth-intent': 'Arises from conflict such as a break-up, or involves blackmail, threats, deception or exploitation.',
  'aggravated-youth-reckless': 'No intent to harm, but images taken or sent without the knowing or willing part of the young person pictured.',
  'experimental-romantic': 'Young people in a relationship make images for each other, not meant to go further.',
  'experimental-attention': 'Images sent between young people who are not partners, or sent to many or posted online.',
  'experimental-other': 'No aggravating elements, but not romantic or attention seeking: for example images kept for themselves.',
};

/** Annex B, Hackett's continuum (figure 1), shortened. */
const HACKETT_HINTS: Record<(typeof HACKETT)[number], string> = {
  normal: 'Developmentally expected, socially acceptable, consensual, mutual.',
  inappropriate: 'A single instance; accepted within the peer group; generally consensual and reciprocal.',
  problematic: 'Developmentally unusual and socially unexpected; consent may be unclear; may lack equal power.',
  abusive: 'Victimising intent or outcome; misuse of power, coercion or force; informed consent lacking.',
  violent: 'Physically violent and highly intrusive.',
};

/** Annex A: each question answered with notes, the guidance's reason for asking beside it. */
export const riskAssessmentSpec: FormSpec = [
  { fields: [ABOUT_FIELD] },
  {
    heading: 'The Annex A questions',
    note: 'Answer each question with notes. They help decide whether a young person is at risk of harm (and so a referral is needed), whether other agencies can help, or whether the school can manage the incident.',
    fields: QUESTIONS.map(
      (key): FieldSpec => ({ name: key, label: RISK_QUESTIONS[key].question, hint: `Why this question: ${RISK_QUESTIONS[key].why}`, type: 'textarea' }),
    ),
  },
  {
    heading: 'Classification (optional)',
    fields: [
      {
        name: 'typology',
        label: 'Typology (optional)',
        hint: 'Wolak and Finkelhor’s typology (UKCCIS 2016, Annex F). Aggravated incidents involve criminal or abusive elements beyond making or sending the imagery; experimental ones do not.',
        type: 'radio',
        options: [...choices(TYPOLOGY, TYPOLOGY_LABELS, TYPOLOGY_HINTS), NOT_CLASSIFIED],
      },
      {
        name: 'hackett',
        label: 'Hackett continuum (optional)',
        hint: 'For younger children (UKCCIS 2016, Annex B): where the behaviour sits between normal and violent. Follow your local procedures for under-13s.',
        type: 'radio',
        options: [...choices(HACKETT, HACKETT_LABELS, HACKETT_HINTS), NOT_CLASSIFIED],
      },
    ],
  },
  {
    heading: 'Conclusion',
    fields: [
      {
        name: 'conclusion',
        label: 'Conclusion (optional)',
        hint: 'What the answers mean for the response. If a young person is at risk of harm, refer; if in doubt, refer.',
        type: 'textarea',
      },
    ],
  },
];
