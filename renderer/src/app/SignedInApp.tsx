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
import { IncidentsPage } from '../features/incidents/IncidentsPage';
import { NewIncidentPage } from '../features/incidents/NewIncidentPage';
import { IncidentPage } from '../features/incidents/IncidentPage';
import { ViewingLogPage } from '../features/viewing-log/ViewingLogPage';
import { AmendEntryPage } from '../features/entries/AmendEntryPage';
import { RecordEntryPage } from '../features/entries/RecordEntryPage';
import { InitialReviewPage } from '../features/initial-review/InitialReviewPage';
import { PupilsPage } from '../features/pupils/PupilsPage';
import { NewPupilPage } from '../features/pupils/NewPupilPage';
import { PupilPage } from '../features/pupils/PupilPage';
import { AuditPage } from '../features/audit/AuditPage';
import { IncidentChronologyPage, PupilChronologyPage, SchoolLogPage } from '../features/chronology/ChronologyPages';
import { IncidentExportPage, PupilExportPage } from '../features/exports/ExportPages';
import { BackupsPage } from '../features/backups/BackupsPage';

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
            { path: 'incidents', element: <IncidentsPage /> },
            { path: 'incidents/new', element: <NewIncidentPage /> },
            { path: 'incidents/:incidentId', element: <IncidentPage /> },
            { path: 'incidents/:incidentId/chronology', element: <IncidentChronologyPage /> },
            { path: 'incidents/:incidentId/export', element: <IncidentExportPage /> },
            { path: 'incidents/:incidentId/viewing-log/new', element: <ViewingLogPage /> },
            { path: 'incidents/:incidentId/initial-review/new', element: <InitialReviewPage /> },
            { path: 'incidents/:incidentId/record/:kind', element: <RecordEntryPage /> },
            { path: 'incidents/:incidentId/entries/:entryId/amend', element: <AmendEntryPage /> },
            { path: 'pupils', element: <PupilsPage /> },
            { path: 'pupils/new', element: <NewPupilPage /> },
            { path: 'pupils/:pupilId', element: <PupilPage /> },
            { path: 'pupils/:pupilId/chronology', element: <PupilChronologyPage /> },
            { path: 'pupils/:pupilId/export', element: <PupilExportPage /> },
            { path: 'log', element: <SchoolLogPage /> },
            { path: 'audit', element: <AuditPage /> },
            { path: 'staff', element: <StaffPage /> },
            { path: 'settings', element: <SettingsPage /> },
            { path: 'backups', element: <BackupsPage /> },
            { path: 'account', element: <AccountPage /> },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ]),
    [],
  );
  return <RouterProvider router={router} />;
}
