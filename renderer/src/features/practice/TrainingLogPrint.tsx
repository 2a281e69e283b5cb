import { SavePdfButton } from '../../components/SavePdfButton';

/** Saves the training log as a PDF for the school's training records (made by the core, like every printed document). */
export function TrainingLogPrint() {
  return (
    <SavePdfButton
      channel="practice.logPdf"
      label="Save the training log as a PDF"
      savedWords={(fileName) => `Saved ${fileName} for the school’s training records.`}
    />
  );
}
