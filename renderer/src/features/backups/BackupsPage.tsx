import { useState } from 'react';
import { z } from 'zod';
import { formatDateTime } from '../../../../shared/domain/dates';
import { confirmingPassword } from '../../../../shared/domain/staff';
import type { BackupFile, BackupStatus } from '../../../../shared/ipc/contract';
import { useCan } from '../../app/use-can';
import { ErrorSummary } from '../../components/ErrorSummary';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { useRead, useWrite } from '../../api/queries';
import { useForm } from '../../components/use-form';
import { CONFIRMING_PASSWORD_LABEL, ConfirmingPasswordField } from '../../components/ConfirmingPasswordField';
import { BackupNow } from './BackupNow';
import { KeepForm } from './KeepForm';
import { RestoreForm } from './RestoreForm';
import { formatBytes } from './format';
import './backups.css';
import { usePracticeMode } from '../practice/use-practice-mode';

const folderForm = z.object({ currentPassword: confirmingPassword });

function FolderPanel({ status }: { status: BackupStatus }) {
  const form = useForm(folderForm, { currentPassword: '' });
  const chooseFolder = useWrite('backups.chooseFolder');

  async function choose() {
    const parsed = form.validate();
    if (!parsed) return;
    form.setBusy(true);
    const result = await chooseFolder(parsed);
    form.setBusy(false);
    if (!result.ok) return form.showServerError(result.error);
    // Typed for this choice only: the next one asks again.
    form.reset();
  }

  return (
    <section className="panel" aria-labelledby="folder-title">
      <h2 id="folder-title">Where backups are kept</h2>
      <ErrorSummary errors={form.errors} labels={{ currentPassword: CONFIRMING_PASSWORD_LABEL }} formError={form.formError} />
      {status.folder ? (
        <p>
          Backups are saved in <code className="backup-folder">{status.folder}</code>
        </p>
      ) : (
        <p className="warning-text">No folder has been chosen yet, so the records are not being backed up.</p>
      )}
      {status.folder && !status.folderAvailable ? (
        <p className="warning-text">
          That folder cannot be reached now. If it is on a USB stick or a network drive, connect it; or choose another folder.
        </p>
      ) : null}
      <p className="hint">
        Choose a folder on a USB stick or another drive that is kept away from this computer, locked away. Backups are encrypted:
        they open only with a password or the recovery code. Once a folder is chosen, the app also backs up when it closes and
        once a day while someone is signed in.
      </p>
      <form
        noValidate
        aria-label="Choose where backups are kept"
        onSubmit={(event) => {
          event.preventDefault();
          void choose();
        }}
      >
        <ConfirmingPasswordField value={form.values.currentPassword} onChange={(v) => form.setValue('currentPassword', v)} error={form.errors.currentPassword} />
        <button type="submit" className="button button-secondary" disabled={form.busy}>
          {status.folder ? 'Choose another folder' : 'Choose a folder'}
        </button>
      </form>
    </section>
  );
}

function BackupList({ backups, onRestore }: { backups: BackupFile[]; onRestore: (backup: BackupFile) => void }) {
  if (backups.length === 0) return <p>There are no backups in the folder yet.</p>;
  return (
    <table className="table">
      <caption className="visually-hidden">Backups in the folder, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Made</th>
          <th scope="col">Size</th>
          <th scope="col">Check</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {backups.map((backup) => (
          <tr key={backup.fileName}>
            <td>
              {formatDateTime(backup.createdAt)}
              <div className="hint">{backup.fileName}</div>
            </td>
            <td>{formatBytes(backup.bytes)}</td>
            <td>{backup.ok ? <strong className="tag tag-green">Good</strong> : <strong className="tag tag-red">Damaged</strong>}</td>
            <td>
              {backup.ok ? (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  aria-label={`Restore the backup made ${formatDateTime(backup.createdAt)}`}
                  onClick={() => onRestore(backup)}
                >
                  Restore this backup
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Backups({ status }: { status: BackupStatus }) {
  const [restoring, setRestoring] = useState<BackupFile | null>(null);

  if (restoring) return <RestoreForm backup={restoring} onCancel={() => setRestoring(null)} />;

  return (
    <>
      <section className="panel" aria-labelledby="last-title">
        <h2 id="last-title">Last good backup</h2>
        {status.lastBackup ? (
          <p data-testid="last-backup">
            {formatDateTime(status.lastBackup.at)} <span className="hint-inline">({status.lastBackup.fileName})</span>
          </p>
        ) : (
          <p data-testid="last-backup">The records have not been backed up yet.</p>
        )}
        {status.lastBackup && !status.recent ? <p className="warning-text">No backup in the last 7 days. Back up now.</p> : null}
      </section>
      <FolderPanel status={status} />
      {status.folder ? <BackupNow /> : null}
      <section className="panel" aria-labelledby="keep-title">
        <h2 id="keep-title">How many backups to keep</h2>
        <KeepForm initial={status.keep} />
      </section>
      <section aria-labelledby="list-title">
        <h2 id="list-title">Backups in the folder</h2>
        {status.folder && status.folderAvailable ? (
          <BackupList backups={status.backups} onRestore={setRestoring} />
        ) : (
          <p>{status.folder ? 'The folder cannot be reached now.' : 'Choose a folder first.'}</p>
        )}
      </section>
    </>
  );
}

export function BackupsPage() {
  const practising = usePracticeMode();
  return practising ? (
    <>
      <PageHeading>Backups</PageHeading>
      <p data-testid="backups-off">Backups are off in practice mode: nothing in practice is real, so nothing here is backed up. The school’s records are backed up as usual once you return to them.</p>
    </>
  ) : (
    <RealBackupsPage />
  );
}

function RealBackupsPage() {
  const canBackUp = useCan('backups.run');
  const loaded = useRead('backups.status', {});
  return (
    <>
      <PageHeading>Backups</PageHeading>
      {canBackUp ? (
        <LoadState loaded={loaded}>{(status) => <Backups status={status} />}</LoadState>
      ) : (
        <>
          <p>Only a Designated Safeguarding Lead can back up or restore the records.</p>
          <LoadState loaded={loaded}>
            {(status) => <p>{status.lastBackup ? `The last good backup was made ${formatDateTime(status.lastBackup.at)}.` : 'The records have not been backed up yet.'}</p>}
          </LoadState>
        </>
      )}
    </>
  );
}
