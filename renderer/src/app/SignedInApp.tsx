import { useMemo, type ComponentType } from 'react';
import { createHashRouter, RouterProvider } from 'react-router';
import { AppLayout } from './AppLayout';
import { useSession } from './session-context';
import { useIdleLock } from './use-idle-lock';
import { HomePage } from '../features/home/HomePage';
import { NotFoundPage } from './NotFoundPage';
import { AllowedOnly } from './AllowedOnly';
import type { Channel } from '../../../shared/ipc/channels';

/**
 * A page's code, loaded when it is first visited: the home screen's code is all that has to
 * be read before the dashboard can be drawn (npm run bench, first_screen_ms).
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K, onlyFor?: Channel) {
  return async () => {
    const Page: ComponentType = (await load())[name];
    if (onlyFor === undefined) return { Component: Page };
    return {
      Component: () => (
        <AllowedOnly channel={onlyFor}>
          <Page />
        </AllowedOnly>
      ),
    };
  };
}

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
            { path: 'incidents', lazy: page(() => import('../features/incidents/IncidentsPage'), 'IncidentsPage') },
            { path: 'incidents/new', lazy: page(() => import('../features/incidents/NewIncidentPage'), 'NewIncidentPage', 'incidents.create') },
            { path: 'incidents/voided', lazy: page(() => import('../features/incidents/VoidedIncidentsPage'), 'VoidedIncidentsPage', 'incidents.listVoided') },
            { path: 'incidents/:incidentId/edit', lazy: page(() => import('../features/incidents/CorrectIncidentPage'), 'CorrectIncidentPage', 'incidents.correct') },
            { path: 'incidents/:incidentId', lazy: page(() => import('../features/incidents/IncidentPage'), 'IncidentPage') },
            { path: 'incidents/:incidentId/chronology', lazy: page(() => import('../features/chronology/ChronologyPages'), 'IncidentChronologyPage') },
            { path: 'incidents/:incidentId/export', lazy: page(() => import('../features/exports/ExportPages'), 'IncidentExportPage', 'exports.pdf') },
            { path: 'incidents/:incidentId/viewing-log/new', lazy: page(() => import('../features/viewing-log/ViewingLogPage'), 'ViewingLogPage', 'entries.create') },
            { path: 'incidents/:incidentId/initial-review/new', lazy: page(() => import('../features/initial-review/InitialReviewPage'), 'InitialReviewPage', 'entries.create') },
            { path: 'incidents/:incidentId/record/:kind', lazy: page(() => import('../features/entries/RecordEntryPage'), 'RecordEntryPage', 'entries.create') },
            { path: 'incidents/:incidentId/entries/:entryId/amend', lazy: page(() => import('../features/entries/AmendEntryPage'), 'AmendEntryPage', 'entries.revise') },
            { path: 'pupils', lazy: page(() => import('../features/pupils/PupilsPage'), 'PupilsPage') },
            { path: 'pupils/new', lazy: page(() => import('../features/pupils/NewPupilPage'), 'NewPupilPage', 'pupils.create') },
            { path: 'pupils/:pupilId', lazy: page(() => import('../features/pupils/PupilPage'), 'PupilPage') },
            { path: 'pupils/:pupilId/chronology', lazy: page(() => import('../features/chronology/ChronologyPages'), 'PupilChronologyPage') },
            { path: 'pupils/:pupilId/export', lazy: page(() => import('../features/exports/ExportPages'), 'PupilExportPage', 'exports.pdf') },
            { path: 'log', lazy: page(() => import('../features/chronology/ChronologyPages'), 'SchoolLogPage') },
            { path: 'audit', lazy: page(() => import('../features/audit/AuditPage'), 'AuditPage', 'audit.list') },
            { path: 'staff', lazy: page(() => import('../features/staff/StaffPage'), 'StaffPage', 'staff.list') },
            { path: 'settings', lazy: page(() => import('../features/settings/SettingsPage'), 'SettingsPage', 'settings.update') },
            { path: 'backups', lazy: page(() => import('../features/backups/BackupsPage'), 'BackupsPage') },
            { path: 'account', lazy: page(() => import('../features/account/AccountPage'), 'AccountPage') },
            { path: 'help', lazy: page(() => import('../features/help/HelpPage'), 'HelpPage') },
            { path: 'due', lazy: page(() => import('../features/due/WhatIsDuePage'), 'WhatIsDuePage') },
            { path: 'contacts', lazy: page(() => import('../features/contacts/ContactsPage'), 'ContactsPage') },
            { path: 'transfers/:transferId/package', lazy: page(() => import('../features/received/MakePackagePage'), 'MakePackagePage', 'transfers.makePackage') },
            { path: 'received', lazy: page(() => import('../features/received/ReceivedFilesPage'), 'ReceivedFilesPage', 'receivedFiles.list') },
            { path: 'received/open', lazy: page(() => import('../features/received/OpenReceivedFilePage'), 'OpenReceivedFilePage', 'receivedFiles.open') },
            { path: 'received/:receivedFileId', lazy: page(() => import('../features/received/ReceivedFilePage'), 'ReceivedFilePage', 'receivedFiles.get') },
            { path: 'retention', lazy: page(() => import('../features/retention/RetentionPage'), 'RetentionPage', 'retention.list') },
            { path: 'transfers', lazy: page(() => import('../features/transfers/TransfersPage'), 'TransfersPage', 'transfers.list') },
            { path: 'transfers/:transferId', lazy: page(() => import('../features/transfers/TransferPage'), 'TransferPage', 'transfers.get') },
            { path: 'pupils/:pupilId/transfer', lazy: page(() => import('../features/transfers/PrepareTransferPage'), 'PrepareTransferPage', 'transfers.prepare') },
            { path: 'retention/destroy/:kind/:id', lazy: page(() => import('../features/destruction/DestroyPage'), 'DestroyPage', 'records.destroy') },
            { path: 'retention/destroyed', lazy: page(() => import('../features/destruction/DestroyedListPage'), 'DestroyedListPage', 'records.destroyedList') },
            { path: 'practice', lazy: page(() => import('../features/practice/PracticePage'), 'PracticePage', 'practice.open') },
            { path: 'pupils/import', lazy: page(() => import('../features/pupils/import/PupilImportPage'), 'PupilImportPage', 'pupilImport.apply') },
            { path: 'practice/scenarios', lazy: page(() => import('../features/practice/ScenariosPage'), 'ScenariosPage') },
            { path: 'practice/scenarios/training-log', lazy: page(() => import('../features/practice/TrainingLogPage'), 'TrainingLogPage', 'practice.log') },
            { path: 'practice/scenarios/:scenarioId', lazy: page(() => import('../features/practice/ScenarioPage'), 'ScenarioPage') },
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ]),
    [],
  );
  return <RouterProvider router={router} />;
}
