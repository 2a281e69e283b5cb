import { TextAreaField } from '../../components/fields';

/** Why a version is being replaced. Required once anyone has signed what is being replaced. */
export function AmendmentReasonField({ signed, value, onChange, error }: { signed: boolean; value: string; onChange: (v: string) => void; error?: string | undefined }) {
  return (
    <TextAreaField
      name="reason"
      label={signed ? 'Reason for the amendment' : 'Reason for the change (optional)'}
      hint={
        signed
          ? 'This entry has been signed, so it cannot be edited. Saving makes a new version with this reason; the signed version stays readable with its signatures.'
          : 'Saving makes a new version; the earlier one stays readable.'
      }
      rows={2}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}
