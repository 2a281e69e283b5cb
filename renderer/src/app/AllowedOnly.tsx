import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Channel } from '../../../shared/ipc/channels';
import { PageHeading } from '../components/PageHeading';
import { useSession } from './session-context';
import { useCan } from './use-can';
import { ROLE_LABELS } from '../../../shared/domain/staff';

/**
 * A page reached by typing its address (or an old bookmark) that the signed-in person's roles
 * do not allow: say so at once, rather than show a form the core would refuse on save. The
 * core refuses the call either way (dispatch.ts); this only spares the typing.
 */
export function AllowedOnly({ channel, children }: { channel: Channel; children: ReactNode }) {
  const allowed = useCan(channel);
  const { status } = useSession();
  if (allowed) return <>{children}</>;
  const roles = status.user.roles.map((role) => ROLE_LABELS[role]).join(', ') || 'no role';
  return (
    <>
      <PageHeading>Not available to your role</PageHeading>
      <p>
        This page is not available to you as {roles}. If you need it, ask the Designated Safeguarding Lead. <Link to="/">Go to the home page</Link>.
      </p>
    </>
  );
}
