// Issue 16 item 8: after signing in, a DSL is shown the failed sign-ins since they last
// signed in (how many, when, which account), and can dismiss the notice.
import AxeBuilder from '@axe-core/playwright';
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { completeSetup, DEMO, lock, signIn } from '../support/journeys';

describe('failed sign-ins, end to end', () => {
  let app: LaunchedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('shows the DSL a notice of the failed attempts since they last signed in', async () => {
    app = await launchApp();
    const { page } = app;
    await completeSetup(page);
    await lock(page);
    await signIn(page, { username: 'nobody.here', password: 'a guess at nothing at all' });
    await page.getByText('The username or password is not right.').first().waitFor();
    await signIn(page, DEMO.dsl);
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    const notice = page.getByRole('status', { name: 'Failed sign-ins' });
    await notice.getByText('There was 1 failed sign-in since you last signed in.').waitFor();
    await notice.getByText(/a username that is not an account/).waitFor();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect.poll(() => notice.count()).toBe(0);

    // The next sign-in has nothing new to tell.
    await lock(page);
    await signIn(page, DEMO.dsl);
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    expect(await page.getByRole('status', { name: 'Failed sign-ins' }).count()).toBe(0);
    expect(app.consoleErrors).toEqual([]);
  });
});
