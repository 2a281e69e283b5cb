import { useEffect, useRef, useState } from 'react';
import { ROLE_LABELS, type StaffMember } from '../../../../shared/domain/staff';
import { rolesInWords } from '../../../../shared/domain/staff-words';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { useRead, useWrite } from '../../api/queries';
import { useSession } from '../../app/session-context';
import { useCan } from '../../app/use-can';
import { AddStaffForm } from './AddStaffForm';
import { ChangeRolesForm } from './ChangeRolesForm';
import { ReactivateForm } from './ReactivateForm';
import { ResetPasswordForm } from './ResetPasswordForm';
import { DeactivatePanel } from './DeactivatePanel';
import { RekeyNotice } from './RekeyNotice';
import { ReplaceRecoveryCodeForm } from './ReplaceRecoveryCodeForm';
import { RecoveryCodePage } from '../setup/RecoveryCodePage';
import type { RekeyOutcomeView } from '../../../../shared/ipc/contract';
import { TrainingDatesPanel } from './TrainingDatesPanel';

type Action = { kind: 'reset' | 'deactivate' | 'roles' | 'reactivate'; member: StaffMember } | { kind: 'replaceCode' } | null;

/** One confirmation at a time; a new object each time, so the same words twice are still announced. */
type Notice = { message: string; rekey?: { outcome: RekeyOutcomeView; id: number } } | null;

/** Each re-key notice is a fresh one (its backup buttons start again), even after the same words. */
let noticeCount = 0;
function nextNoticeId(): number {
  noticeCount += 1;
  return noticeCount;
}

export function StaffPage() {
  const canManage = useCan('staff.list');
  const { status } = useSession();
  const loaded = useRead('staff.list', {});
  const rekeyRecords = useWrite('records.rekey');
  const [action, setAction] = useState<Action>(null);
  const [notice, setNotice] = useState<Notice>(null);
  /** A new recovery code, shown once until the DSL confirms they have it; then its re-key notice. */
  const [rekeying, setRekeying] = useState(false);
  const [newCode, setNewCode] = useState<{ code: string; rekey: RekeyOutcomeView } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  // The confirmation takes focus: the panel that was used has gone, and this says what happened.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  if (!canManage) {
    return (
      <>
        <PageHeading>Staff</PageHeading>
        <p>Only a Designated Safeguarding Lead can manage staff accounts.</p>
      </>
    );
  }

  const rekeyNow = async () => {
    setRekeying(true);
    const result = await rekeyRecords({});
    setRekeying(false);
    setAction(null);
    const outcome: RekeyOutcomeView = result.ok ? result.value : { rekeyed: false, reason: result.error.message };
    setNotice({ message: outcome.rekeyed ? 'The records have been re-keyed.' : 'The records were not re-keyed.', rekey: { outcome, id: nextNoticeId() } });
  };
  const done = (message: string, rekey?: RekeyOutcomeView) => {
    setAction(null);
    setNotice(rekey ? { message, rekey: { outcome: rekey, id: nextNoticeId() } } : { message });
  };

  if (newCode) {
    return (
      <RecoveryCodePage
        inApp
        code={newCode.code}
        onConfirmed={() => {
          setNewCode(null);
          done('The recovery code has been replaced. The old code no longer works: destroy any printed copy of it.', newCode.rekey);
        }}
      />
    );
  }
  const open = (next: Action) => {
    setNotice(null);
    setAction(next);
  };

  return (
    <>
      <PageHeading>Staff</PageHeading>
      <p>Everyone who uses these records has their own account, so every entry and signature is theirs.</p>
      {notice ? (
        <div className="inset inset-success" role="status" tabIndex={-1} ref={noticeRef}>
          {notice.message}
        </div>
      ) : null}
      {notice?.rekey ? <RekeyNotice key={notice.rekey.id} outcome={notice.rekey.outcome} /> : null}
      <LoadState loaded={loaded}>
        {(staff) => (
          <>
            <table className="table">
              <caption className="visually-hidden">Staff accounts</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Username</th>
                  <th scope="col">Roles</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {staff.map((member) => (
                  <tr key={member.id}>
                    <td>{member.name}</td>
                    <td>{member.username}</td>
                    <td>{member.roles.map((r) => ROLE_LABELS[r]).join(', ')}</td>
                    <td>{member.active ? 'Active' : <span className="tag tag-grey">Deactivated</span>}</td>
                    <td className="table-actions">
                      {member.active ? (
                        <>
                          {/* Not your own: another DSL changes your roles or deactivates you (see staff-rules.ts); your own password is changed in Your account. */}
                          {member.id !== status.user.id ? (
                            <>
                              <button type="button" className="link-button" onClick={() => open({ kind: 'reset', member })}>
                                Reset password<span className="visually-hidden"> for {member.name}</span>
                              </button>
                              <button type="button" className="link-button" onClick={() => open({ kind: 'roles', member })}>
                                Change roles<span className="visually-hidden"> for {member.name}</span>
                              </button>
                              <button type="button" className="link-button link-danger" onClick={() => open({ kind: 'deactivate', member })}>
                                Deactivate<span className="visually-hidden"> {member.name}</span>
                              </button>
                            </>
                          ) : null}
                        </>
                      ) : (
                        <button type="button" className="link-button" onClick={() => open({ kind: 'reactivate', member })}>
                          Reactivate<span className="visually-hidden"> {member.name}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {action?.kind === 'roles' ? (
              <ChangeRolesForm
                member={action.member}
                staff={staff}
                onCancel={() => setAction(null)}
                onDone={(updated) => done(`${updated.name}'s roles have changed from ${rolesInWords(action.member.roles)} to ${rolesInWords(updated.roles)}.`)}
              />
            ) : null}
          </>
        )}
      </LoadState>
      {action?.kind === 'reset' ? (
        <ResetPasswordForm member={action.member} onCancel={() => setAction(null)} onDone={(rekey) => done(`${action.member.name}'s password has been reset.`, rekey)} />
      ) : null}
      {action?.kind === 'deactivate' ? (
        <DeactivatePanel member={action.member} onCancel={() => setAction(null)} onDone={(rekey) => done(`${action.member.name}'s account has been deactivated.`, rekey)} />
      ) : null}
      {action?.kind === 'reactivate' ? (
        <ReactivateForm
          member={action.member}
          onCancel={() => setAction(null)}
          onDone={() => done(`${action.member.name}'s account has been reactivated. Give them the temporary password; they can change it from “Your account”.`)}
        />
      ) : null}
      {action?.kind === 'replaceCode' ? (
        <ReplaceRecoveryCodeForm onCancel={() => setAction(null)} onReplaced={(code, rekey) => { setAction(null); setNewCode({ code, rekey }); }} />
      ) : null}
      {action === null ? (
        <section aria-labelledby="recovery-code-title">
          <h2 id="recovery-code-title">Recovery code and keys</h2>
          <p>If the school’s recovery code is lost, or someone who should not have it may have seen it, replace it. The old code then stops working.</p>
          <p>
            The records get a new key whenever someone is deactivated or has their password reset. If that could not be done (another
            program had the records open), do it now.
          </p>
          <div className="button-group">
            <button type="button" className="button button-secondary" onClick={() => open({ kind: 'replaceCode' })}>
              Replace the recovery code
            </button>
            <button type="button" className="button button-secondary" disabled={rekeying} onClick={() => void rekeyNow()}>
              Re-key now
            </button>
          </div>
        </section>
      ) : null}
      {action === null ? <TrainingDatesPanel /> : null}
      {action === null ? (
        <AddStaffForm onAdded={(member) => done(`${member.name} has been added as ${rolesInWords(member.roles)}. They can now sign in.`)} />
      ) : null}
    </>
  );
}
