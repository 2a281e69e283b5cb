// Issue 20 item 2: the panel that makes a transfer's encrypted package. The passphrase is long
// (five words or twenty characters), typed twice, and sent to the core only once both agree;
// once saved, the DSL is told the file's name and the fingerprint to read to the other DSL.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MakePackagePanel } from '../../../renderer/src/features/received/MakePackagePanel';
import { renderWithApp } from '../support/render-with-app';
import { aPerson, fillIn } from '../support/user';

const PASSPHRASE = 'amber kettle orchard violin harbour';

describe('making the encrypted transfer package', () => {
  it('refuses a short passphrase and two that differ, in words, without asking the core', async () => {
    const user = aPerson();
    const { api } = renderWithApp(<MakePackagePanel transferId={3} />);
    await fillIn(user, screen.getByLabelText('Passphrase for the package'), 'short words');
    await fillIn(user, screen.getByLabelText('Type the passphrase again'), 'short wordz');
    await fillIn(user, screen.getByLabelText('Your password, to confirm'), 'correct horse battery staple');
    await user.click(screen.getByRole('button', { name: 'Make the encrypted package' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('at least 5 words or 20 characters');
    expect(alert.textContent).toContain('The two passphrases are not the same');
    expect(api.inputsOf('transfers.makePackage')).toEqual([]);
  });

  it('sends the passphrase once, with the DSL’s password, and shows the file saved and the key’s fingerprint', async () => {
    const user = aPerson();
    const { api } = renderWithApp(<MakePackagePanel transferId={3} />, {
      api: { 'transfers.makePackage': { saved: true, fileName: 'QA-2026-0001-transfer-3-2026-11-27.ypsi-transfer', bytes: 4096, fingerprint: 'AB12 CD34 EF56 7890 1234' } },
    });
    await fillIn(user, screen.getByLabelText('Passphrase for the package'), PASSPHRASE);
    await fillIn(user, screen.getByLabelText('Type the passphrase again'), PASSPHRASE);
    await fillIn(user, screen.getByLabelText('Your password, to confirm'), 'correct horse battery staple');
    await user.click(screen.getByRole('button', { name: 'Make the encrypted package' }));
    const status = await screen.findByRole('status');
    expect(status.textContent).toContain('Package saved as QA-2026-0001-transfer-3-2026-11-27.ypsi-transfer');
    expect(status.textContent).toContain('AB12 CD34 EF56 7890 1234');
    expect(api.inputsOf('transfers.makePackage')).toEqual([{ transferId: 3, passphrase: PASSPHRASE, currentPassword: 'correct horse battery staple' }]);
    // The passphrase is not left in the form once the package is made.
    expect(screen.getByLabelText<HTMLInputElement>('Passphrase for the package').value).toBe('');
  });
});
