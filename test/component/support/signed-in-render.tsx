import { QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { Role } from '../../../shared/domain/staff';
import type { Channel } from '../../../shared/ipc/channels';
import { contract } from '../../../shared/ipc/contract';
import { createQueryClient } from '../../../renderer/src/api/queries';
import { SessionContext, type UnlockedStatus } from '../../../renderer/src/app/session-context';

/** A fictional member of staff signed in with these roles (none: a viewer with no role in force). */
function signedInAs(roles: Role[], changes: Partial<UnlockedStatus> = {}): UnlockedStatus {
  const status = contract['session.status'].output.parse({
    state: 'unlocked',
    user: { id: 5, name: 'Percival Testwood', username: 'ptestwood', roles },
    schoolName: 'Fictional Primary School',
    lockMinutes: 10,
    problems: [],
    ...changes,
  });
  if (status.state !== 'unlocked') throw new Error('the fixture is a signed-in status');
  return status;
}

/**
 * Renders a screen as the signed-in app would hold it: the session, a fresh query cache and a
 * router at `path`. Reads go to `answers` through the same `window.api` the preload provides.
 */
export function renderSignedIn(
  element: ReactElement,
  {
    roles,
    status = {},
    route = '/',
    path = route,
    answers = {},
  }: { roles: Role[]; status?: Partial<UnlockedStatus>; route?: string; path?: string; answers?: Partial<Record<Channel, unknown>> },
): RenderResult {
  window.api = {
    invoke: (channel) => {
      const value = answers[channel as Channel];
      return Promise.resolve(value === undefined ? { ok: false, error: { code: 'internal', message: `No answer for ${channel} in this test.` } } : { ok: true, value });
    },
  };
  const router = createMemoryRouter([{ path: route, element }, { path: '*', element: <p>Another page</p> }], { initialEntries: [path] });
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <SessionContext.Provider value={{ status: signedInAs(roles, status), lock: () => Promise.resolve(), refresh: () => Promise.resolve() }}>
        <RouterProvider router={router} />
      </SessionContext.Provider>
    </QueryClientProvider>,
  );
}
