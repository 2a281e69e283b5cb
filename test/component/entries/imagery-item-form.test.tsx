// Recording one image or video on an incident (issue 18 item 3): the form says the app never
// stores the imagery, offers each kind and nature of image, and will not save without a description.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RecordEntryPage } from '../../../renderer/src/features/entries/RecordEntryPage';
import type { Answers } from '../support/fake-api';
import { AYESHA, INCIDENT_ID, incidentDetail, recordedEntry } from '../support/fixtures';
import { describedText, errorSummary } from '../support/queries';
import { renderWithApp } from '../support/render-with-app';
import { aPerson, fillIn } from '../support/user';

async function recordImage(api: Answers = {}) {
  const rendered = renderWithApp(<RecordEntryPage />, {
    route: 'incidents/:incidentId/record/:kind',
    at: `/incidents/${INCIDENT_ID}/record/imagery-item`,
    api: { 'incidents.get': incidentDetail(), ...api },
  });
  await screen.findByRole('button', { name: 'Save record' });
  return rendered;
}

/** The group's choices, in order, each found by its accessible name. */
function expectChoices(group: string, names: string[]) {
  const inGroup = within(screen.getByRole('group', { name: group }));
  const radios = inGroup.getAllByRole('radio');
  expect(radios).toEqual(names.map((name) => inGroup.getByRole('radio', { name })));
}

describe('recording an image or video', () => {
  it('says the imagery itself is never stored, and offers who is pictured and each kind and nature of image', async () => {
    await recordImage();
    expect(screen.getByText(/This app never stores the imagery itself/)).toBeTruthy();
    expect(within(screen.getByRole('group', { name: 'Who is pictured?' })).getByRole('checkbox', { name: /Ayesha Testperson/ })).toBeTruthy();
    expectChoices('Is it a photo, a video or a live stream?', ['Photo', 'Video', 'Live stream', 'Not known']);
    expectChoices('Is it real, AI-generated or digitally altered?', ['Real', 'AI-generated', 'Digitally altered', 'Not known']);
    expect(describedText(screen.getByLabelText('Short description'))).toContain('never explicit detail');
  });

  it('refuses to save without a description, and says so on the question', async () => {
    const user = aPerson();
    const { api } = await recordImage();
    await user.click(screen.getByRole('radio', { name: 'Live stream' }));
    await user.click(screen.getByRole('radio', { name: 'AI-generated' }));
    await fillIn(user, screen.getByLabelText('Short description'), '   ');
    await user.click(screen.getByRole('button', { name: 'Save record' }));

    const messages = within(errorSummary()).getAllByRole('link').map((link) => link.textContent);
    expect(messages).toContain('Describe the image or video without explicit detail');
    expect(describedText(screen.getByLabelText('Short description'))).toContain('Describe the image or video without explicit detail');
    expect(api.inputsOf('entries.create')).toEqual([]);
  });

  it('sends who is pictured, the stored codes and the description', async () => {
    const user = aPerson();
    const { api } = await recordImage({ 'entries.create': recordedEntry('imagery-item', {}) });
    await user.clear(screen.getByLabelText('Date it happened'));
    await user.type(screen.getByLabelText('Date it happened'), '2026-11-09');
    await user.type(screen.getByLabelText('Time'), '09:00');
    await user.click(within(screen.getByRole('group', { name: 'Who is pictured?' })).getByRole('checkbox', { name: /Ayesha Testperson/ }));
    await user.click(screen.getByRole('radio', { name: 'Live stream' }));
    await user.click(screen.getByRole('radio', { name: 'AI-generated' }));
    await fillIn(user, screen.getByLabelText('Short description'), 'A fake image of her made from a school photo.');
    await user.click(screen.getByRole('button', { name: 'Save record' }));

    expect(await screen.findByText(`Now at /incidents/${INCIDENT_ID}`)).toBeTruthy();
    expect(api.inputsOf('entries.create')[0]).toMatchObject({
      kind: 'imagery-item',
      body: { about: [AYESHA.id], form: 'live-stream', nature: 'ai-generated', description: 'A fake image of her made from a school photo.' },
    });
  });
});
