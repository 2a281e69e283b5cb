import { useMemo } from 'react';
import { createHashRouter, RouterProvider } from 'react-router';
import { AppLayout } from './AppLayout';
import { useSession } from './session-context';
import { useIdleLock } from './use-idle-lock';
import { HomePage } from '../features/home/HomePage';
import { StaffPage } from '../features/staff/StaffPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { AccountPage } from '../features/account/AccountPage';
import { NotFoundPage } from './NotFoundPage';

export function SignedInApp({ onIdle }: { onIdle: () => void }) {
  const { status } = useSession();
  useIdleLock(status.lockMinutes, onIdle);

  // Built once per sign-in; locking unmounts it, and the next person gets a fresh router.
  const router = useMemo(
    () =>
      createHashRouter([
        {
          path: '/',
          element: <AppLayout />,
          children: [
            { index: true, element: <HomePage /> },
            { path: 'staff', element: <StaffPage /> },
            { path: 'settings', element: <SettingsPage /> },
            { path: 'account', element: <AccountPage /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ]),
    [],
  );
  return <RouterProvider router={router} />;
}
