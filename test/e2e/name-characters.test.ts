// Issue 16 (basics): the pupil form shows why a name with an invisible formatting character
// (here a right-to-left override, which makes "Amelia" display reordered) is refused, at the
// field, and nothing is added; the same name typed plainly is added.
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { completeSetup, fillPupilForm } from '../support/journeys';

describe('names with invisible formatting characters, in the form', () => {
  let app: LaunchedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('the pupil form names the field and adds nothing until the name is typed plainly', async () => {
    app = await launchApp();
    const { page } = app;
    await completeSetup(page);
    await page.getByRole('link', { name: 'Pupils', exact: true }).click();
    await page.getByRole('link', { name: 'Add a pupil' }).click();
    await page.getByRole('heading', { name: 'Add a pupil', level: 1 }).waitFor();

    await fillPupilForm(page, { firstName: 'Ame\u202Elia', lastName: 'Brackenridge', dateOfBirth: '2011-03-04' });
    await page.getByRole('button', { name: 'Add pupil' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    await expect.poll(() => summary.getByRole('listitem').allTextContents()).toEqual([expect.stringMatching(/^The first name contains an invisible formatting character/)]);
    await expect.poll(() => page.locator('.field-error').allTextContents()).toEqual([expect.stringMatching(/The first name contains an invisible formatting character/)]);
    expect(await app.core.dispatch('pupils.list', {})).toEqual({ ok: true, value: [] });

    await page.getByLabel('First name').fill('Amelia');
    await page.getByRole('button', { name: 'Add pupil' }).click();
    await expect.poll(async () => {
      const listed = (await app!.core.dispatch('pupils.list', {})) as { ok: boolean; value?: { firstName: string }[] };
      return listed.value?.map((p) => p.firstName);
    }).toEqual(['Amelia']);
  });
});
