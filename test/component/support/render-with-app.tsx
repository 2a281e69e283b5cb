import { QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { createQueryClient } from '../../../renderer/src/api/queries';
import { SessionContext, type SessionValue } from '../../../renderer/src/app/session-context';
import { UnsavedChangesGuard } from '../../../renderer/src/components/UnsavedChangesGuard';
import { installFakeApi, type Answers, type FakeApi } from './fake-api';
import { sessionStatus } from './fixtures';

/** Where a screen's navigation landed, shown so a test can see the move as a person would. */
function Elsewhere() {
  const location = useLocation();
  return <p>Now at {location.pathname}</p>;
}

type AppOptions = {
  /** How the fake core answers (window.api.invoke). */
  api?: Answers;
  /** The route pattern the screen is mounted on, as the app's router has it (e.g. 'incidents/:incidentId/record/:kind'). */
  route?: string;
  /** The address opened first. */
  at?: string;
};

/**
 * Renders a piece of the signed-in app as the app does: a fresh query cache, a data router
 * (the unsaved-changes guard needs one) with the screen on its route, the signed-in DSL's
 * session, and a fake core. Any other address shows "Now at …".
 */
export function renderWithApp(ui: ReactNode, options: AppOptions = {}): RenderResult & { api: FakeApi } {
  const api = installFakeApi(options.api ?? {});
  const session: SessionValue = { status: sessionStatus(), lock: async () => {}, refresh: async () => {} };
  const route = `/${(options.route ?? '').replace(/^\//, '')}`;
  const router = createMemoryRouter(
    [
      { path: route, element: <UnsavedChangesGuard>{ui}</UnsavedChangesGuard> },
      { path: '*', element: <Elsewhere /> },
    ],
    { initialEntries: [options.at ?? route] },
  );
  const client = createQueryClient();
  const result = render(
    <QueryClientProvider client={client}>
      <SessionContext.Provider value={session}>
        <RouterProvider router={router} />
      </SessionContext.Provider>
    </QueryClientProvider>,
  );
  return { ...result, api };
}
