import { useEffect, useState } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { formatDateTime } from '../../../shared/domain/dates';
import type { SessionStatus } from '../../../shared/ipc/contract';
import { ROLE_LABELS } from '../../../shared/domain/staff';
import { passwordSetByNotice } from '../../../shared/domain/staff-rules';
import { useSession } from './session-context';
import { useCan } from './use-can';
import { InstallationFooter } from '../components/InstallationFooter';
import { UnsavedChangesGuard } from '../components/UnsavedChangesGuard';
import { windowTitle } from '../../../shared/domain/practice';
import { PracticeBanner } from '../features/practice/PracticeBanner';

export function AppLayout() {
  const { status, lock } = useSession();
  const canReadAudit = useCan('audit.list');
  const canReceiveFiles = useCan('receivedFiles.list');
  const canVerify = useCan('audit.verify');
  const canManageStaff = useCan('staff.list');
  const canChangeSettings = useCan('settings.update');
  const canRestore = useCan('backups.restoreLive');
  const canReviewRetention = useCan('retention.list');
  const canTransfer = useCan('transfers.list');
  const roles = status.user.roles.map((role) => ROLE_LABELS[role]).join(', ');
  const practice = status.practice;
  useEffect(() => {
    document.title = windowTitle(practice);
    return () => {
      document.title = windowTitle(false);
    };
  }, [practice]);
  return (
    <div className={practice ? 'app app-practice' : 'app'}>
      <a href="#main" className="skip-link" onClick={(event) => { event.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to main content
      </a>
      <header className="header">
        <div className="header-inner">
          <div className="header-school">
            <span className="header-product">Safeguarding records</span>
            <span className="header-school-name">{status.schoolName}</span>
          </div>
          <div className="header-user">
            <span>
              Signed in as <strong>{status.user.name}</strong> <span className="header-roles">({roles})</span>
            </span>
            <button type="button" className="button button-secondary button-small" onClick={() => void lock()}>
              Lock
            </button>
          </div>
        </div>
        <nav className="nav" aria-label="Main">
          <NavLink to="/" end>
            Home
          </NavLink>
          <NavLink to="/incidents">Incidents</NavLink>
          <NavLink to="/pupils">Pupils</NavLink>
          <NavLink to="/log">School log</NavLink>
          <NavLink to="/due">What is due</NavLink>
          {canReadAudit ? <NavLink to="/audit">Audit</NavLink> : null}
          {canManageStaff ? <NavLink to="/staff">Staff</NavLink> : null}
          {canChangeSettings ? <NavLink to="/settings">Settings</NavLink> : null}
          <NavLink to="/account">Your account</NavLink>
          <NavLink to="/contacts">Contacts</NavLink>
          <NavLink to="/help">Help</NavLink>
          {canReceiveFiles ? <NavLink to="/received">Received files</NavLink> : null}
          {canReviewRetention ? <NavLink to="/retention">Retention</NavLink> : null}
          {canTransfer ? <NavLink to="/transfers">Transfers</NavLink> : null}
          <NavLink to="/practice">Practice</NavLink>
        </nav>
      </header>
      {practice ? <PracticeBanner /> : null}
      {status.problems.length > 0 && status.readOnly === false ? (
        <div className="banner banner-danger" role="alert" data-testid="integrity-problems">
          <strong>The records may have been changed outside the app.</strong>
          <ul className="banner-list">
            {status.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          {canVerify ? <Link to="/audit">Run Verify</Link> : 'Tell the Designated Safeguarding Lead.'}
        </div>
      ) : null}
      {status.problems.length > 0 && status.readOnly !== false ? (
        <div className="banner banner-danger" role="alert">
          <strong>The records are read-only.</strong> The database failed its integrity check when it was opened, so nothing
          new can be saved.{' '}
          {canRestore ? <Link to="/backups">Restore from the newest good backup</Link> : 'Ask the Designated Safeguarding Lead to restore the newest good backup'}.
          <br />
          For the IT technician: copy the data folder as it is before changing anything; <code>npm run records -- verify</code> names
          each failed check. What failed: {status.problems.join('; ')}
        </div>
      ) : null}
      <FailedSignInsNotice status={status} />
      {status.passwordSetBy ? (
        <div className="banner banner-warning" role="status" data-testid="password-set-by">
          <strong>{passwordSetByNotice(status.passwordSetBy.name, formatDateTime(status.passwordSetBy.at))}</strong>{' '}
          <Link to="/account">Change your password</Link> before you sign anything.
        </div>
      ) : null}
      <main className="main" id="main" tabIndex={-1}>
        <UnsavedChangesGuard>
          <Outlet />
        </UnsavedChangesGuard>
      </main>
      <InstallationFooter />
    </div>
  );
}

type FailedSignIns = NonNullable<Extract<SessionStatus, { state: 'unlocked' }>['failedSignIns']>;

/** For a DSL: the failed sign-ins since they last signed in, until they dismiss it. */
function FailedSignInsNotice({ status }: { status: Extract<SessionStatus, { state: 'unlocked' }> }) {
  const [dismissed, setDismissed] = useState<FailedSignIns | null>(null);
  const failures = status.failedSignIns;
  if (!failures || failures === dismissed) return null;
  const shown = failures.latest.length;
  return (
    <div className="banner banner-notice" role="status" aria-label="Failed sign-ins">
      <strong>
        {failures.count === 1 ? 'There was 1 failed sign-in' : `There were ${failures.count} failed sign-ins`} since you last signed in.
      </strong>{' '}
      {failures.count > shown ? `The latest ${shown}:` : null}
      <ul className="banner-list">
        {failures.latest.map((failure, index) => (
          <li key={`${failure.at}-${index}`}>
            {formatDateTime(failure.at)}: {failure.account}
          </li>
        ))}
      </ul>
      If these were not mistakes by your colleagues, someone may be guessing passwords: the <Link to="/audit">audit log</Link> has them all.{' '}
      <button type="button" className="button button-secondary button-small" onClick={() => setDismissed(failures)}>
        Dismiss
      </button>
    </div>
  );
}
