// Walks through the main screens with fictional data and saves a PNG of each, so a person
// can look at what the app shows: `npm run build && npx tsx scripts/screenshots.ts [folder]`.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchApp } from '../test/support/launch-app';
import { addPupilToIncident, addStaff, completeSetup, DEMO, openIncident } from '../test/support/journeys';

const folder = process.argv[2] ?? 'screenshots';
await mkdir(folder, { recursive: true });
const app = await launchApp();
const { page } = app;
let n = 0;
const shot = async (name: string) => {
  n += 1;
  await page.screenshot({ path: join(folder, `${String(n).padStart(2, '0')}-${name}.png`), fullPage: true });
};

try {
  await page.getByRole('heading', { level: 1 }).waitFor();
  await shot('setup');
  await completeSetup(page);
  await shot('home');
  await addStaff(page, DEMO.head, ['Headteacher']);
  await shot('staff');
  await openIncident(page, 'Image shared between two Year 10 pupils');
  await addPupilToIncident(page, { firstName: 'Amelia', lastName: 'Brackenridge', dateOfBirth: '2011-03-04' }, ['Pictured in the imagery', 'Made the imagery']);
  await page.getByRole('button', { name: 'Add a pupil' }).click();
  await page.getByRole('combobox', { name: 'Pupil’s name' }).fill('Am');
  await page.locator('.picker-status').filter({ hasText: /match/ }).waitFor();
  await shot('pupil-picker');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('link', { name: 'Record a viewing of the imagery' }).click();
  await page.getByRole('button', { name: 'Save viewing record' }).click();
  await shot('viewing-log-errors');
  await page.getByRole('link', { name: 'Incidents', exact: true }).click();
  await page.getByRole('table').waitFor();
  await shot('incidents');
  await page.getByRole('link', { name: 'Pupils', exact: true }).click();
  await page.getByRole('table').waitFor();
  await shot('pupils');
  await page.getByRole('link', { name: 'Audit' }).click();
  await page.getByRole('button', { name: 'Verify audit log' }).click();
  await page.getByText(/The audit log is intact/).waitFor();
  await shot('audit');
  await page.getByRole('link', { name: 'Home' }).click();
  await page.getByRole('region', { name: 'Backups' }).getByRole('link').first().click();
  await page.getByRole('heading', { name: 'Backups', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Choose a folder' }).click();
  await page.getByRole('button', { name: 'Back up now' }).click();
  await page.getByText(/Backed up at/).waitFor();
  await shot('backups');
  await page.getByRole('link', { name: 'Incidents', exact: true }).click();
  await page.getByRole('table').getByRole('link').first().click();
  await page.getByRole('link', { name: 'Print or export' }).click();
  await page.getByRole('radio', { name: 'Incident report' }).check();
  await page.getByRole('checkbox').first().waitFor();
  await shot('export');
  await page.getByRole('link', { name: 'Home' }).click();
  await page.getByRole('region', { name: 'Backups' }).waitFor();
  await shot('home-after-backup');
  console.log(`${n} screenshots in ${folder}`);
} finally {
  await app.close();
}
