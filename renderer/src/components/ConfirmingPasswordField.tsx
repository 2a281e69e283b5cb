import { TextField } from './fields';

export const CONFIRMING_PASSWORD_LABEL = 'Your password, to confirm';

/**
 * The signed-in person's own password, asked again before a change that matters (staff
 * accounts, roles, backups, restoring, printing): the core checks it (decision 0016). A page
 * with two such forms (the transfer page: the PDF and the package) names the second one's box
 * apart, so each label and error link finds its own box.
 */
export function ConfirmingPasswordField({
  value,
  onChange,
  error,
  name = 'currentPassword',
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  name?: string;
}) {
  return (
    <TextField
      name={name}
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
