import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel } from '../../shared/ipc/channels';
import { contract, type Output } from '../../shared/ipc/contract';
import { createQueryClient } from '../../renderer/src/api/queries';
import { App } from '../../renderer/src/app/App';

const REFERENCE = 'YPSI-2026-017';

const incident: Output<'incidents.get'> = {
  incident: {
    id: 1,
    reference: REFERENCE,
    title: 'Image shared in the Year 9 group chat (fictional)',
    status: 'open',
    cameToAttentionOn: '2026-11-20',
    imageryDate: '2026-11-19',
    kind: 'self-shared',
    media: 'photo',
    services: [],
    sharing: 'not_known',
    sharingDetails: '',
    policeMatter: false,
    createdAt: '2026-11-20T09:00:00.000Z',
    createdByName: 'Dana Testlead',
    voided: false,
    reopenedAt: null,
  },
  people: [],
  removedPeople: [],
  entries: [],
  staff: [{ id: 1, name: 'Dana Testlead', roles: ['dsl'], active: true }],
  gaps: [{ step: 'disclosure', kind: 'missing', message: 'The disclosure has not been recorded: who told whom, when, and what was said.' }],
  closureSigned: false,
  police: { involved: false, words: '' },
  history: [],
};

/** What the fake core answers; every answer is checked against the contract, as the real core's are. */
const answers: Partial<{ [C in Channel]: Output<C> }> = {
  'session.status': {
    state: 'unlocked',
    user: { id: 1, name: 'Dana Testlead', username: 'dana.testlead', roles: ['dsl'] },
    schoolName: 'Fictional Academy',
    lockMinutes: 10,
    problems: [],
  },
  'session.lock': { done: true },
  'session.touch': { done: true },
  'app.info': { version: '0.0.0-test', dataDir: '/tmp/fictional-records', setUp: true, platform: 'linux' },
  'dashboard.get': { openIncidents: [], overdue: [], awaitingSignature: [], lastBackup: { at: null, folderChosen: false, recent: false } },
  'incidents.get': incident,
};

let locked = false;

beforeEach(() => {
  locked = false;
  window.api = {
    invoke: (channel: string, input: unknown) => {
      void input;
      const name = channel as Channel;
      if (name === 'session.lock') locked = true;
      if (name === 'session.status' && locked) return Promise.resolve({ ok: true, value: { state: 'locked' } });
      if (!(name in answers)) return Promise.resolve({ ok: false, error: { code: 'internal', message: `The fake core does not answer ${channel}.` } });
      return Promise.resolve({ ok: true, value: contract[name].output.parse(answers[name]) });
    },
  };
  window.location.hash = '#/incidents/1';
});

afterEach(() => {
  window.location.hash = '';
});

describe('locking', () => {
  it('empties the query cache and takes the incident off the screen', async () => {
    const client = createQueryClient();
    render(<App queryClient={client} />);

    expect(await screen.findByText(REFERENCE, {}, { timeout: 5_000 })).toBeTruthy();
    expect(client.getQueryCache().find({ queryKey: ['incidents.get', { incidentId: 1 }] })?.state.data).toEqual(incident);

    await userEvent.setup().click(screen.getByRole('button', { name: 'Lock' }));

    expect(await screen.findByRole('heading', { name: 'Sign in', level: 1 })).toBeTruthy();
    expect(client.getQueryCache().getAll()).toEqual([]);
    expect(screen.queryByText(REFERENCE)).toBeNull();
    expect(screen.queryByText(incident.incident.title)).toBeNull();
  });
});
