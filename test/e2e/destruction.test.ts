// Issue 20 item 5 end to end: the DSL goes to /retention/destroy/incident/<id> by address (the
// retention page links there), is refused for an incident on legal hold, destroys another with
// a reason, its reference typed and their password, sees the certificate and saves its PDF; the
// incident is then gone from the incidents list and the school log's search. The hold is placed
// through the core's own modules (test/integration/helpers/legal-hold.ts), as the legal-holds
// part's channel will, since that channel is not on this branch's base.
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { launchApp, type LaunchedApp } from '../support/launch-app';
import { completeSetup, DEMO, openIncident } from '../support/journeys';
import { readingText } from '../support/pdf-read';

const CANARY = 'Zephyrine';

type Api = { invoke: (channel: string, input: unknown) => Promise<{ ok: boolean; value?: { id: number } }> };

describe('destroying a record', () => {
  let app: LaunchedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('refuses a held incident, destroys another with a certificate saved as PDF, and the incident is gone from the list and the search', async () => {
    app = await launchApp();
    const { page } = app;
    await completeSetup(page);

    await openIncident(page, 'Fictional incident under a police hold');
    const heldId = Number(/#\/incidents\/(\d+)/.exec(page.url())?.[1]);
    const reference = await openIncident(page, `${CANARY} marmalade incident`);
    const doomedId = Number(/#\/incidents\/(\d+)/.exec(page.url())?.[1]);
    expect(reference).toMatch(/\d/);
    // An entry with the canary word in it, so the search has something to find before.
    const created = await page.evaluate(
      ({ id, word }) =>
        (window as unknown as { api: Api }).api.invoke('entries.create', {
          incidentId: id,
          occurredOn: '2026-11-20',
          occurredTime: '10:00',
          kind: 'action',
          body: { type: 'follow-up', description: `Ask about the ${word} message`, dueOn: '2026-11-30', completedOn: '' },
        }),
      { id: doomedId, word: CANARY },
    );
    expect(created.ok).toBe(true);
    const held = await page.evaluate(
      (id) =>
        (window as unknown as { api: Api }).api.invoke('holds.place', {
          target: { incidentId: id },
          reasonKind: 'police-investigation',
          reason: 'Fictional: the police asked the school to keep everything.',
        }),
      heldId,
    );
    expect(held.ok).toBe(true);

    const goTo = (hash: string) =>
      page.evaluate((h) => {
        window.location.hash = h;
      }, hash);

    await page.getByRole('link', { name: 'School log' }).click();
    await page.getByLabel('Search').fill(CANARY);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => page.getByText(/entr(y|ies) match(es)? the search and filters/).textContent()).toMatch(/^1 entr/);

    // Held: refused in words, and no button to destroy it.
    await goTo(`#/retention/destroy/incident/${heldId}`);
    await page.getByRole('heading', { name: 'This record cannot be destroyed' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('legal hold');
    expect(await page.getByRole('button', { name: 'Destroy permanently' }).count()).toBe(0);

    await goTo(`#/retention/destroy/incident/${doomedId}`);
    await page.getByRole('heading', { name: /^Destroy incident/, level: 1 }).waitFor();
    expect(await page.locator('.warning-text').first().textContent()).toContain('Backups made before today still hold this record');
    await page.getByLabel('Why it is being destroyed').fill('Fictional: the retention period ended and the review found no reason to keep it.');
    await page.getByLabel('Type it to confirm').fill(reference.trim());
    await page.getByLabel('Your password, to confirm').fill(DEMO.dsl.password);
    await page.getByRole('button', { name: 'Destroy permanently' }).click();
    await page.getByRole('heading', { name: `Destroyed: ${reference.trim()}`, level: 1 }).waitFor({ timeout: 30_000 });
    const certificate = page.getByRole('region', { name: /Certificate of destruction/ });
    const hash = /[0-9a-f]{64}/.exec((await certificate.textContent()) ?? '')?.[0];
    expect(hash).toBeDefined();
    await certificate.getByRole('button', { name: 'Save the certificate as PDF' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved as' }).waitFor();
    const pdf = `${app.exportDir}/Destruction certificate ${reference.trim()}.pdf`;
    expect(existsSync(pdf)).toBe(true);
    const text = readingText(pdf).replace(/\s+/g, '');
    expect(text).toContain(reference.trim().replace(/\s+/g, ''));
    expect(text).toContain(hash);

    await page.getByRole('link', { name: 'All destruction certificates' }).click();
    await page.getByRole('heading', { name: 'Destruction certificates', level: 1 }).waitFor();
    expect(await page.getByRole('region', { name: /Certificate of destruction/ }).count()).toBe(1);

    await page.getByRole('link', { name: 'Incidents', exact: true }).click();
    await page.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor();
    await page.getByText('Fictional incident under a police hold').waitFor();
    expect(await page.getByText(CANARY).count()).toBe(0);

    await page.getByRole('link', { name: 'School log' }).click();
    await page.getByLabel('Search').fill(CANARY);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No entries match. Try fewer words or filters.').waitFor();
    expect(app.consoleErrors).toEqual([]);
  }, 180_000);
});
