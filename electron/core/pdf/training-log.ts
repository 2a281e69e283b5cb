import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { dataTable, paragraph } from './blocks';
import { framedDocument } from './frame';

export type TrainingLogSource = {
  schoolName: string;
  /** Completed practice sessions, each already in words: who, which scenario, when completed (school time). */
  rows: readonly { person: string; scenario: string; completed: string }[];
  printedBy: string;
  printedAt: string;
};

const TRAINING_LOG_TITLE = 'Training log — practice scenarios';

/**
 * The practice sessions completed, for the school's training records (issue 22 item 4): one
 * row per person and scenario, as long as it needs to be. It names staff and scenarios only,
 * never anything entered while practising.
 */
export function trainingLogDocument(source: TrainingLogSource): TDocumentDefinitions {
  const content: Content[] = [
    { text: TRAINING_LOG_TITLE, style: 'title' },
    { text: source.schoolName, style: 'subtitle' },
    paragraph(
      'Practice scenarios worked in the app’s practice records: the case studies of UKCCIS “Sexting in schools and colleges” (2016), section 2 and Annex F, each worked through the initial review to a decision.',
    ),
    ...(source.rows.length === 0
      ? [paragraph('No practice scenario has been marked complete yet.')]
      : dataTable(
          ['Person', 'Scenario', 'Date completed'],
          source.rows.map((r) => [{ text: r.person }, { text: r.scenario }, { text: r.completed }]),
          ['*', '*', 'auto'],
        )),
  ];
  return framedDocument({ title: 'Training log', schoolName: source.schoolName, reference: 'Practice scenarios', printedBy: source.printedBy, printedAt: source.printedAt, practice: true }, content);
}
