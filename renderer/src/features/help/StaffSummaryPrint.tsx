import { SavePdfButton } from '../../components/SavePdfButton';

/** Saves the one-page staff summary as a PDF (made by the main process, like every printed document). */
export function StaffSummaryPrint() {
  return (
    <SavePdfButton
      channel="help.staffSummaryPdf"
      label="Save the staff summary as a PDF"
      savedWords={(fileName) => `Saved ${fileName}: one page to print for every member of staff.`}
    />
  );
}
