import AxeBuilder from '@axe-core/playwright';
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from '../support/launch-app';

describe('the app shell in Chromium, bound to the real core', () => {
  let app: LaunchedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('shows what app.info returns on the first screen', async () => {
    app = await launchApp();
    const { page, dataDir } = app;
    await expect.poll(() => page.getByTestId('footer-data-dir').textContent()).toBe(dataDir);
    await expect.poll(() => page.getByTestId('footer-version').textContent()).toMatch(/^Version \d+\.\d+\.\d+/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Set up the safeguarding records');
    expect(await page.title()).toBe('Safeguarding records');
    expect(app.consoleErrors).toEqual([]);
  });

  it('answers an invalid payload with invalid_input naming the field', async () => {
    app = await launchApp();
    const result = await app.page.evaluate(() =>
      window.api.invoke('setup.create', { schoolName: '', dslName: 'Marigold Thistlewood', username: 'm t', password: 'x' }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const fields = (result as { error: { fields: Record<string, string> } }).error.fields;
    expect(fields.schoolName).toBe('Enter the school name');
    expect(fields.username).toMatch(/letters, numbers/);
    expect(fields.password).toMatch(/at least 12 characters/);
  });

  it('refuses a channel that is not in the contract, in the page and in the core', async () => {
    app = await launchApp();
    const inPage = await app.page.evaluate(() => window.api.invoke('records.dropAll', {}));
    expect(inPage).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    const inCore = await app.core.dispatch('records.dropAll', {});
    expect(inCore).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('has no accessibility violations on the first screen', async () => {
    app = await launchApp();
    await app.page.getByRole('heading', { level: 1 }).waitFor();
    const results = await new AxeBuilder({ page: app.page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });
});
