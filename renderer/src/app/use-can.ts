import { rolesMayCall } from '../../../shared/ipc/access';
import type { Channel } from '../../../shared/ipc/channels';
import { contract } from '../../../shared/ipc/contract';
import { useSession } from './session-context';

/**
 * Whether the signed-in person may call this channel, by the contract's own access rule:
 * an action is offered exactly where the core would carry it out, so the screens hold no
 * role lists of their own.
 */
export function useCan(channel: Channel): boolean {
  return rolesMayCall(useSession().status.user.roles, contract[channel].access);
}
