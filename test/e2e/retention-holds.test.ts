// Issue 20 items 3 and 4 on screen: with the school's rule set to 0 years, every incident is due
// for review; the DSL keeps one with a reason and a new review date (it leaves the list), places
// a legal hold on another from its page (it moves to "On hold"), and releases it with a reason.
import { afterEach, describe, expect, it } from 'vitest';
import { schoolToday } from '../../shared/domain/dates';
import { addYears } from '../../shared/domain/retention';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { completeSetup, openIncident } from '../support/journeys';

const KEPT = 'Photo shared in a fictional form group chat';
const HELD = 'Video passed around a fictional sports club';

describe('retention and legal holds', () => {
  let app: LaunchedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('keeps a due incident until a new date, and holds another off the list until released', async () => {
    const today = schoolToday();
    app = await launchApp();
    const { page } = app;
    await completeSetup(page);
    const kept = await openIncident(page, KEPT, { cameToAttentionOn: today });
    const held = await openIncident(page, HELD, { cameToAttentionOn: today });

    await page.getByRole('link', { name: 'Settings', exact: true }).click();
    const ruleSection = page.getByRole('region', { name: 'Retention' });
    await ruleSection.getByLabel('When the incident was recorded').check();
    await ruleSection.getByLabel('Number of years').fill('0');
    await ruleSection.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => ruleSection.getByRole('status').textContent()).toContain('Each record is now reviewed 0 years after the incident was recorded');

    await page.getByRole('link', { name: 'Retention', exact: true }).click();
    await page.getByRole('heading', { name: 'Retention', level: 1 }).waitFor();
    const due = page.getByRole('region', { name: 'Due for review' });
    await expect.poll(() => due.textContent()).toContain(kept);
    expect(await due.textContent()).toContain(held);

    await due.getByRole('button', { name: `Keep ${kept}` }).click();
    const keep = page.getByRole('form', { name: `Keep ${kept}` });
    await keep.getByLabel('Why is it being kept?').fill('Police may still ask for it (fictional)');
    await keep.getByLabel('Review it again on').fill(addYears(today, 2));
    await keep.getByRole('button', { name: 'Keep until this date' }).click();
    await expect.poll(() => due.textContent()).not.toContain(kept);
    expect(await due.textContent()).toContain(held);
    expect(await due.getByRole('link', { name: `Destroy ${held}` }).getAttribute('href')).toMatch(/^#\/retention\/destroy\/incident\/\d+$/);

    await due.getByRole('link', { name: held, exact: true }).click();
    await page.getByRole('heading', { name: HELD, level: 1 }).waitFor();
    const holdPanel = page.getByRole('region', { name: 'Legal hold' });
    await holdPanel.getByRole('button', { name: 'Place a legal hold' }).click();
    const place = page.getByRole('form', { name: 'Place a legal hold' });
    await place.getByLabel('Police investigation').check();
    await place.getByLabel('Reason').fill('Operation Fictional Kestrel, PC Example asked us to keep everything');
    await place.getByRole('button', { name: 'Place the hold' }).click();
    await expect.poll(() => holdPanel.textContent()).toContain('On legal hold (police investigation)');

    await page.getByRole('link', { name: 'Retention', exact: true }).click();
    const onHold = page.getByRole('region', { name: 'On hold' });
    await expect.poll(() => onHold.textContent()).toContain(held);
    await expect.poll(() => due.textContent()).toContain('No record is due for review.');

    await onHold.getByRole('link', { name: held, exact: true }).click();
    await page.getByRole('heading', { name: HELD, level: 1 }).waitFor();
    await holdPanel.getByRole('button', { name: 'Release the hold' }).click();
    await holdPanel.getByLabel('Why is the hold being released?').fill('The police closed their investigation (fictional)');
    await holdPanel.getByRole('button', { name: 'Release the hold' }).click();
    await expect.poll(() => holdPanel.textContent()).toContain('Not on legal hold.');
    expect(await holdPanel.textContent()).toContain('The police closed their investigation (fictional)');

    await page.getByRole('link', { name: 'Retention', exact: true }).click();
    await expect.poll(() => due.textContent()).toContain(held);
    expect(await onHold.textContent()).toContain('No record is on legal hold.');
    expect(app.consoleErrors).toEqual([]);
  });
});
