// Issue 20 item 2, the receiving school's side: a transfer package made beforehand by another
// school (an in-process core in its own data folder) is opened here with its passphrase, a
// wrong one first, attached to a new pupil, read as it came with every signature verified,
// and its receipt code shown: the one the sending school's transfer expects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiptCheckOf } from '../../electron/core/transfers/receipt';
import { normaliseReceiptCode } from '../../shared/domain/transfers/receipt-code';
import { makeTempDir } from '../integration/helpers/temp-dir';
import { CANARY_PUPIL, PASSPHRASE, SENDING_SCHOOL, sendingSchoolWithPackage, type SentPackage } from '../integration/helpers/transfer-package';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { completeSetup } from '../support/journeys';

let remove: () => Promise<void>;
let sent: SentPackage;
let app: LaunchedApp | undefined;

beforeAll(async () => {
  let dir: string;
  ({ dir, remove } = await makeTempDir('records-e2e-transfer-'));
  sent = await sendingSchoolWithPackage(dir);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await remove?.();
});

describe('a file received from another school', () => {
  it('is opened with the passphrase, attached to a new pupil, read as it came, and its receipt code matches the sender’s', async () => {
    app = await launchApp({ openPath: (purpose) => (purpose === 'transfer-package' ? sent.packagePath : null) });
    const { page } = app;
    await completeSetup(page, { school: 'Larkspur High School' });

    await page.getByRole('link', { name: 'Received files', exact: true }).click();
    await page.getByRole('link', { name: 'Open a transfer package' }).click();
    await page.getByLabel('Passphrase', { exact: true }).fill('amber kettle orchard violin harbor');
    await page.getByRole('button', { name: 'Choose the file and open it' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('wrong passphrase');

    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await page.getByRole('button', { name: 'Choose the file and open it' }).click();
    await page.getByRole('heading', { name: 'Check the file before importing it', level: 1 }).waitFor();
    const body = page.locator('main');
    await expect.poll(() => body.textContent()).toContain('2 of 2 signatures verified');
    expect(await body.textContent()).toContain(`${CANARY_PUPIL.firstName} ${CANARY_PUPIL.lastName}`);
    expect(await body.textContent()).toContain(sent.fingerprint);
    await page.getByLabel(`Add ${CANARY_PUPIL.firstName} ${CANARY_PUPIL.lastName} as a new pupil`).check();
    await page.getByRole('button', { name: 'Import the file' }).click();

    await page.getByRole('heading', { name: 'File received', level: 1 }).waitFor();
    const code = (await page.getByTestId('receipt-code').textContent())?.trim() ?? '';
    expect(receiptCheckOf(normaliseReceiptCode(code)!)).toBe(sent.receiptCheck);
    expect(await body.textContent()).toContain(`Send this receipt code back to the DSL at ${SENDING_SCHOOL}`);

    await page.getByRole('link', { name: 'Read the received file' }).click();
    await page.getByRole('heading', { name: `File received from ${SENDING_SCHOOL}`, level: 1 }).waitFor();
    expect(await page.getByRole('note').textContent()).toMatch(new RegExp(`Received from ${SENDING_SCHOOL} on .*: read-only`));
    const marks = await page.locator('.received-entries li li strong').allTextContents();
    expect(marks).toEqual(['verified', 'verified']);
    expect(await page.locator('main input, main textarea').count()).toBe(0);
    expect(await page.getByTestId('receipt-code').textContent()).toContain(code);

    // The pupil's page lists it among files received from other schools.
    await page.getByRole('link', { name: 'The pupil’s page here' }).click();
    const panel = page.getByRole('region', { name: 'Files received from other schools' });
    await expect.poll(() => panel.textContent()).toContain(`From ${SENDING_SCHOOL}`);
    expect(app.consoleErrors).toEqual([]);
  });
});
