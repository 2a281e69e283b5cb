import { PASSPHRASE_RULE } from '../../../../shared/domain/transfers/passphrase';
import { TextField } from '../../components/fields';

/** A new package passphrase, typed twice: never stored, never audited, told to the receiving DSL by phone. */
export function NewPassphraseFields({
  value,
  again,
  onChange,
  onAgainChange,
  errors,
}: {
  value: string;
  again: string;
  onChange: (value: string) => void;
  onAgainChange: (value: string) => void;
  errors: Record<string, string>;
}) {
  return (
    <>
      <TextField
        name="passphrase"
        label="Passphrase for the package"
        hint={`${PASSPHRASE_RULE}, for example five unrelated words. Tell it to the receiving school’s DSL by phone, never in the email with the file. It is not kept anywhere.`}
        type="password"
        autoComplete="new-password"
        width="full"
        value={value}
        onChange={onChange}
        error={errors['passphrase']}
      />
      <TextField name="passphraseAgain" label="Type the passphrase again" type="password" autoComplete="new-password" width="full" value={again} onChange={onAgainChange} error={errors['passphraseAgain']} />
    </>
  );
}
