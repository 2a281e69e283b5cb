import { useState } from 'react';
import { ROLE_LABELS, type StaffMember } from '../../../../shared/domain/staff';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { useCall } from '../../components/use-call';
import { useHasRole, useSession } from '../../app/session-context';
import { AddStaffForm } from './AddStaffForm';
import { ResetPasswordForm } from './ResetPasswordForm';
import { DeactivatePanel } from './DeactivatePanel';

type Action = { kind: 'reset' | 'deactivate'; member: StaffMember } | null;

export function StaffPage() {
  const isDsl = useHasRole('dsl');
  const { status } = useSession();
  const { loaded, reload } = useCall('staff.list', {});
  const [action, setAction] = useState<Action>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (!isDsl) {
    return (
      <>
        <PageHeading>Staff</PageHeading>
        <p>Only a Designated Safeguarding Lead can manage staff accounts.</p>
      </>
    );
  }

  const done = (message: string) => {
    setAction(null);
    setNotice(message);
    void reload();
  };

  return (
    <>
      <PageHeading>Staff</PageHeading>
      <p>Everyone who uses these records has their own account, so every entry and signature is theirs.</p>
      {notice ? (
        <div className="inset inset-success" role="status">
          {notice}
        </div>
      ) : null}
      <LoadState loaded={loaded}>
        {(staff) => (
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
                        <button type="button" className="link-button" onClick={() => setAction({ kind: 'reset', member })}>
                          Reset password<span className="visually-hidden"> for {member.name}</span>
                        </button>
                        {member.id !== status.user.id ? (
                          <button type="button" className="link-button link-danger" onClick={() => setAction({ kind: 'deactivate', member })}>
                            Deactivate<span className="visually-hidden"> {member.name}</span>
                          </button>
                        ) : null}
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadState>
      {action?.kind === 'reset' ? (
        <ResetPasswordForm member={action.member} onCancel={() => setAction(null)} onDone={() => done(`${action.member.name}'s password has been reset.`)} />
      ) : null}
      {action?.kind === 'deactivate' ? (
        <DeactivatePanel member={action.member} onCancel={() => setAction(null)} onDone={() => done(`${action.member.name}'s account has been deactivated.`)} />
      ) : null}
      {action === null ? <AddStaffForm onAdded={(member) => done(`${member.name} has been added. They can now sign in.`)} /> : null}
    </>
  );
}
