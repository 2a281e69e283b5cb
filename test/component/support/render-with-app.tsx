import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { render, renderHook, type RenderHookResult, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import type { Role } from '../../../shared/domain/staff';
import { createQueryClient } from '../../../renderer/src/api/queries';
import { SessionContext, type SessionValue, type UnlockedStatus } from '../../../renderer/src/app/session-context';
import { UnsavedChangesGuard } from '../../../renderer/src/components/UnsavedChangesGuard';
import { installFakeApi, type Answers, type FakeApi } from './fake-api';
import { signedInStatus } from './fixtures';

/** Where a screen's navigation landed, shown so a test can see the move as a person would. */
function Elsewhere() {
  const location = useLocation();
  return <p>Now at {location.pathname}</p>;
}

type SignedInOptions = {
  /** How the fake core answers (window.api.invoke). */
  api?: Answers;
  /** The roles of the person signed in (none: staff with no role in force); the DSL's unless given. */
  roles?: Role[];
  /** Anything else about the session, such as problems found in the records or read-only. */
  status?: Partial<UnlockedStatus>;
};

type AppOptions = SignedInOptions & {
  /** The route pattern the screen is mounted on, as the app's router has it (e.g. 'incidents/:incidentId/record/:kind'). */
  route?: string;
  /** The address opened first. */
  at?: string;
};

const NO_DRAFTS: Answers = { 'drafts.mine': [], 'drafts.save': { id: 1, savedAt: '2026-11-23T10:42:00.000Z' } };
/** Every entry form shows the contacts its step needs (decision 0025): a test not about them finds none entered. */
const NO_CONTACTS: Answers = { 'contacts.list': { contacts: [] } };
/** The incident page asks whether an incident is a practice one (issue 22): a test not about practice has real ones. */
const NOT_PRACTICE: Answers = { 'practice.forIncident': { session: null } };
/** The incident and pupil pages show a record's review date and any legal hold (issue 20): a test not about them has a distant date and none. */
const NOT_DUE_NOR_HELD: Answers = {
  'retention.of': { reviewOn: '2101-11-23', why: '75 years after the incident was recorded', due: false, held: false },
  'holds.list': { holds: [] },
};

/** The home page reminds a DSL of their refresher training and the Staff page lists the dates (issue 22): a test not about them has none recorded. */
const NO_TRAINING_DATES: Answers = { 'training.mine': { refresh: null }, 'training.list': { people: [] } };

type WithApp = { api: FakeApi; client: QueryClient };

/** A fresh query cache and a fake core, and the session of the person signed in, around `children`. */
function signedIn(options: SignedInOptions): WithApp & { wrap: (children: ReactNode) => ReactNode } {
  // Every form of the records keeps drafts (decision 0023): a test not about them finds none and may save them.
  const api = installFakeApi({ ...NO_DRAFTS, ...NO_CONTACTS, ...NOT_PRACTICE, ...NOT_DUE_NOR_HELD, ...NO_TRAINING_DATES, ...options.api });
  const client = createQueryClient();
  const session: SessionValue = { status: signedInStatus(options.roles, options.status), lock: async () => {}, refresh: async () => {} };
  const wrap = (children: ReactNode) => (
    <QueryClientProvider client={client}>
      <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
    </QueryClientProvider>
  );
  return { api, client, wrap };
}

/**
 * Renders a piece of the signed-in app as the app does: a fresh query cache, a data router
 * (the unsaved-changes guard needs one) with the screen on its route, the session of the
 * person signed in (the DSL unless `roles` says otherwise), and a fake core. Any other
 * address shows "Now at …".
 */
export function renderWithApp(ui: ReactNode, options: AppOptions = {}): RenderResult & WithApp {
  const { api, client, wrap } = signedIn(options);
  const route = `/${(options.route ?? '').replace(/^\//, '')}`;
  const router = createMemoryRouter(
    [
      { path: route, element: <UnsavedChangesGuard>{ui}</UnsavedChangesGuard> },
      { path: '*', element: <Elsewhere /> },
    ],
    { initialEntries: [options.at ?? route] },
  );
  return { ...render(wrap(<RouterProvider router={router} />)), api, client };
}

/** A hook of the signed-in app (one that reads screen data, say) with the same cache, session and fake core. */
export function renderHookWithApp<Result>(hook: () => Result, options: SignedInOptions = {}): RenderHookResult<Result, unknown> & WithApp {
  const { api, client, wrap } = signedIn(options);
  return { ...renderHook(hook, { wrapper: ({ children }) => wrap(children) }), api, client };
}
