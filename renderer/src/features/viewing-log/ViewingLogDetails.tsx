import {
  STAFF_SUPPORT_LABELS,
  VIEWER_AUTHORITY_LABELS,
  VIEWING_REASON_LABELS,
  viewingLogWarnings,
  type ViewingLogBody,
} from '../../../../shared/domain/entries/viewing-log';
import { SummaryRows } from '../../components/SummaryRows';
import type { StaffChoice } from '../../../../shared/ipc/contract';

const YES_NO: Record<string, string> = { yes: 'Yes', no: 'No', not_known: 'Not known' };

export function ViewingLogDetails({ body, staff }: { body: ViewingLogBody; staff: StaffChoice[] }) {
  const name = (id: number) => staff.find((s) => s.id === id)?.name ?? `Staff member ${id}`;
  const warnings = viewingLogWarnings(body);
  const rows: [string, string][] = [
    ['Place', body.place],
    ['On school premises', YES_NO[body.onPremises] ?? body.onPremises],
    ['Viewed by', `${name(body.viewerStaffId)} — ${VIEWER_AUTHORITY_LABELS[body.viewerAuthority]}`],
    ['Also present', body.presentStaffId === 'none' ? 'No one else was present' : `${name(body.presentStaffId)}${body.presentAlsoViewed ? ' (also viewed)' : ' (did not view)'}`],
    ['Viewer the same sex as the young person pictured', YES_NO[body.sameSex] ?? body.sameSex],
    ...(body.notSameSexReason ? ([['Why not the same sex', body.notSameSexReason]] as [string, string][]) : []),
    ['Why it had to be viewed', VIEWING_REASON_LABELS[body.reason]],
    ['The facts behind that reason', body.reasonFacts],
    ['Headteacher consulted first', YES_NO[body.headConsulted] ?? body.headConsulted],
    ['Nothing copied, printed or shared', body.nothingCopied ? 'Confirmed' : 'Not confirmed'],
    ['Subsequent actions', body.subsequentActions || 'None recorded'],
    ['Support for staff who saw it', STAFF_SUPPORT_LABELS[body.staffSupport]],
  ];
  return (
    <>
      {warnings.length > 0 ? (
        <ul className="warning-list" aria-label="Departures from the guidance">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      <SummaryRows rows={rows} />
    </>
  );
}
