import { TextField } from './fields';

export const CONFIRMING_PASSWORD_LABEL = 'Your password, to confirm';

/**
 * The signed-in person's own password, asked again before a change that matters (staff
 * accounts, roles, backups, restoring, printing): the core checks it (decision 0016).
 */
export function ConfirmingPasswordField({ value, onChange, error }: { value: string; onChange: (value: string) => void; error?: string | undefined }) {
  return (
    <TextField
      name="currentPassword"
      label={CONFIRMING_PASSWORD_LABEL}
      hint="The password you signed in with."
      type="password"
      autoComplete="current-password"
      width="medium"
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}
