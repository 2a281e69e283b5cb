import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../../../shared/domain/dates';
import { awaitingSignatureLine, overdueLine } from '../../../../shared/domain/phrases';
import type { Dashboard as DashboardData } from '../../../../shared/ipc/contract';
import { TransfersAwaiting } from './TransfersAwaiting';

/** How many items of a list are drawn before "Show all": the home screen stays quick to draw and to read. */
const FIRST_SHOWN = 20;

/** A list of the first FIRST_SHOWN items, with a button to show the rest (the heading gives the total). */
function FirstOfList<T>({ items, label, className, noun, children }: { items: readonly T[]; label: string; className: string; noun: string; children: (item: T) => ReactNode }) {
  const [all, setAll] = useState(false);
  const list = useRef<HTMLUListElement>(null);
  const shown = all ? items : items.slice(0, FIRST_SHOWN);
  // The button goes once pressed: keyboard focus moves to the first item it brought in.
  useEffect(() => {
    if (all) list.current?.children[FIRST_SHOWN]?.querySelector('a')?.focus();
  }, [all]);
  return (
    <>
      <ul className={className} aria-label={label} ref={list}>
        {shown.map(children)}
      </ul>
      {shown.length < items.length ? (
        <button type="button" className="button button-secondary button-small" onClick={() => setAll(true)}>
          Show all {items.length} {noun}
        </button>
      ) : null}
    </>
  );
}

function AwaitingList({ items, label }: { items: DashboardData['awaitingSignature']; label: string }) {
  return (
    <FirstOfList items={items} label={label} className="dashboard-list" noun="entries">
      {(item) => (
        <li key={`${item.entryId}-${item.meaning}`}>
          <Link className="reference" to={`/incidents/${item.incidentId}`}>{item.reference}</Link> — {item.entryLabel}, {formatDateTime(item.occurredAt)}. {awaitingSignatureLine(item.from, item.meaning)}
        </li>
      )}
    </FirstOfList>
  );
}

/** When the records were last backed up, and a warning with a way to fix it when that was too long ago. */
function BackupPanel({ lastBackup }: { lastBackup: DashboardData['lastBackup'] }) {
  const warning = !lastBackup.folderChosen
    ? 'No backup folder has been chosen, so the records are not being backed up.'
    : !lastBackup.recent
      ? 'No backup in the last 7 days. If this computer fails or is lost, records made since then would be lost too.'
      : null;
  return (
    <section aria-labelledby="backup-title" className={`dashboard-section panel${warning ? ' panel-warning' : ''}`}>
      <h2 id="backup-title">Backups</h2>
      <p data-testid="dashboard-last-backup">
        {lastBackup.at ? <>Last good backup: {formatDateTime(lastBackup.at)}.</> : 'The records have not been backed up yet.'}
      </p>
      {warning ? <p className="warning-text">{warning}</p> : null}
      <p>
        <Link to="/backups">{warning ? 'Go to Backups to back up now' : 'Backups'}</Link>
      </p>
    </section>
  );
}

/** What needs the signed-in person now: their signatures, overdue deadlines, gaps. */
export function Dashboard({ data }: { data: DashboardData }) {
  const mine = data.awaitingSignature.filter((a) => a.forMe);
  const others = data.awaitingSignature.filter((a) => !a.forMe);
  // A missing backup is shown first: it puts every record at risk.
  const backupOk = data.lastBackup.folderChosen && data.lastBackup.recent;
  return (
    <>
      {backupOk ? null : <BackupPanel lastBackup={data.lastBackup} />}
      <section aria-labelledby="mine-title" className="dashboard-section">
        <h2 id="mine-title">Awaiting your signature ({mine.length})</h2>
        {mine.length === 0 ? <p>Nothing is waiting for your signature.</p> : <AwaitingList items={mine} label="Entries awaiting your signature" />}
      </section>
      <section aria-labelledby="overdue-title" className="dashboard-section">
        <h2 id="overdue-title">Overdue ({data.overdue.length})</h2>
        {data.overdue.length === 0 ? (
          <p>No deadline or follow-up is overdue.</p>
        ) : (
          <FirstOfList items={data.overdue} label="Overdue deadlines and follow-ups" className="dashboard-list dashboard-overdue" noun="overdue items">
            {(item) => (
              <li key={`${item.entryId}-${item.dueOn}`}>
                <Link className="reference" to={`/incidents/${item.incidentId}`}>{item.reference}</Link> — {overdueLine(item.what, item.dueOn)}
              </li>
            )}
          </FirstOfList>
        )}
      </section>
      <section aria-labelledby="open-title" className="dashboard-section">
        <h2 id="open-title">Open incidents ({data.openIncidents.length})</h2>
        {data.openIncidents.length === 0 ? (
          <p>There are no open incidents.</p>
        ) : (
          <FirstOfList items={data.openIncidents} label="Open incidents and what each is missing" className="dashboard-list" noun="open incidents">
            {(incident) => (
              <li key={incident.id}>
                <Link className="reference" to={`/incidents/${incident.id}`}>{incident.reference}</Link> {incident.title}
                {incident.gaps.length === 0 ? (
                  <span className="hint-inline"> — nothing missing</span>
                ) : (
                  <ul className="gap-list">
                    {incident.gaps.map((gap) => (
                      <li key={gap.message}>{gap.message}</li>
                    ))}
                  </ul>
                )}
              </li>
            )}
          </FirstOfList>
        )}
      </section>
      {backupOk ? <BackupPanel lastBackup={data.lastBackup} /> : null}
      {others.length > 0 ? (
        <section aria-labelledby="others-title" className="dashboard-section">
          <h2 id="others-title">Awaiting other people’s signatures ({others.length})</h2>
          <AwaitingList items={others} label="Entries awaiting other people’s signatures" />
        </section>
      ) : null}
      <TransfersAwaiting transfers={data.transfersAwaiting} />
    </>
  );
}
