import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createQueryClient } from '../../renderer/src/api/queries';
import { App } from '../../renderer/src/app/App';
import { installFakeApi } from './support/fake-api';
import { appInfo, INCIDENT_ID, incidentDetail, quietDashboard, signedInStatus } from './support/fixtures';
import { aPerson } from './support/user';

const incident = incidentDetail({
  gaps: [{ step: 'disclosure', kind: 'missing', message: 'The disclosure has not been recorded: who told whom, when, and what was said.' }],
});

/** A fake core with the DSL signed in until the screen asks it to lock. */
function installSignedInCore() {
  let locked = false;
  return installFakeApi({
    'session.status': () => ({ ok: true, value: locked ? { state: 'locked' } : signedInStatus() }),
    'session.lock': () => {
      locked = true;
      return { ok: true, value: { done: true } };
    },
    'session.touch': { done: true },
    'app.info': appInfo(),
    'dashboard.get': quietDashboard(),
    'incidents.get': incident,
    'retention.of': { reviewOn: '2101-11-23', why: '75 years after the incident was recorded', due: false, held: false },
    'holds.list': { holds: [] },
    'practice.forIncident': { session: null },
  });
}

beforeEach(() => {
  window.location.hash = `#/incidents/${INCIDENT_ID}`;
});

afterEach(() => {
  window.location.hash = '';
});

describe('locking', () => {
  it('empties the query cache and takes the incident off the screen', async () => {
    installSignedInCore();
    const client = createQueryClient();
    render(<App queryClient={client} />);

    expect(await screen.findByText(incident.incident.reference, {}, { timeout: 5_000 })).toBeTruthy();
    expect(client.getQueryCache().find({ queryKey: ['incidents.get', { incidentId: INCIDENT_ID }] })?.state.data).toEqual(incident);

    await aPerson().click(screen.getByRole('button', { name: 'Lock' }));

    expect(await screen.findByRole('heading', { name: 'Sign in', level: 1 })).toBeTruthy();
    expect(client.getQueryCache().getAll()).toEqual([]);
    expect(screen.queryByText(incident.incident.reference)).toBeNull();
    expect(screen.queryByText(incident.incident.title)).toBeNull();
  });
});
