import { isChannel } from '../../shared/ipc/channels';
import { fieldErrors } from '../../shared/ipc/field-errors';
import { contract } from '../../shared/ipc/contract';
import { rolesMayCall, type Access } from '../../shared/ipc/access';
import type { IpcError, IpcResult } from '../../shared/ipc/result';
import { isDatabaseError } from './db/errors';
import { isAppError } from './errors';
import type { CoreContext } from './context';
import type { Handlers } from './handlers/types';
import { KeyslotsDamagedError } from './vault/keyslots';

export type Logger = (message: string) => void;

function describeInvalid(fields: Record<string, string>): string {
  const names = Object.keys(fields).filter((k) => k !== '_');
  if (names.length === 0) return fields._ ?? 'The request was not in the expected form.';
  const shown = names.length > 10 ? `${names.slice(0, 10).join(', ')} and others` : names.join(', ');
  return `Check ${names.length === 1 ? 'this field' : 'these fields'}: ${shown}.`;
}

function errorCodeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Turns any failure into a code and a message fit for a person; internals are logged by code only. */
function toIpcError(error: unknown, channel: string, log: Logger): IpcError {
  if (isAppError(error)) return error.fields ? { code: error.code, message: error.message, fields: error.fields } : { code: error.code, message: error.message };
  if (error instanceof KeyslotsDamagedError) {
    return { code: 'damaged', message: 'The key file (keyslots.json) in the data folder is damaged, so the records cannot be opened. Nothing has been changed. Restore the data folder from the newest good backup.' };
  }
  if (isDatabaseError(error)) {
    // The database's own triggers are the last line of defence for signed and append-only rows.
    if (error.kind === 'refused' && error.message.includes('signed_entry_locked')) {
      return { code: 'signed_entry_locked', message: 'This entry has been signed, so it cannot be changed. Amend it with a reason instead.' };
    }
    if (error.kind === 'disk_full') return DISK_FULL;
    if (error.kind === 'damaged') {
      return {
        code: 'damaged',
        message: 'Part of the records database is damaged and could not be read, so nothing was changed. Restore from the newest good backup.',
      };
    }
    if (error.kind === 'io') return NOT_WRITTEN;
    log(`internal error on ${channel}: ${error.driverCode}`);
    return INTERNAL;
  }
  const code = errorCodeOf(error);
  if (code === 'ENOSPC') return DISK_FULL;
  if (code === 'EIO' || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return NOT_WRITTEN;
  // Only the channel and an error code: messages can carry data, and logs must not.
  log(`internal error on ${channel}: ${code ?? (error instanceof Error ? error.name : typeof error)}`);
  return INTERNAL;
}

const DISK_FULL: IpcError = { code: 'storage_full', message: 'The disk is full, so nothing was saved. Free some space and try again; your earlier records are safe.' };
const NOT_WRITTEN: IpcError = { code: 'storage_full', message: 'The records could not be written to disk, so nothing was saved. Check the disk and try again.' };
const INTERNAL: IpcError = { code: 'internal', message: 'Something went wrong and nothing was saved. Try again; if it keeps happening, tell your IT technician.' };

function allowed(access: Access, ctx: CoreContext): IpcError | null {
  if (access === 'public') return null;
  const session = ctx.session;
  if (!session) return { code: 'locked', message: 'The records are locked. Sign in to continue.' };
  return rolesMayCall(session.user.roles, access)
    ? null
    : { code: 'forbidden', message: 'Your account does not have permission to do that.' };
}

/**
 * The one door into the core: known channel, unlocked and permitted, valid input, then
 * the handler, then the output checked against the contract too.
 */
export function createDispatch(ctx: CoreContext, handlers: Handlers, log: Logger) {
  return async function dispatch(channel: unknown, input: unknown): Promise<IpcResult<unknown>> {
    if (!isChannel(channel)) return { ok: false, error: { code: 'unknown_channel', message: 'That action is not part of this app.' } };
    const spec = contract[channel];
    try {
      // Access before input: a locked or unauthorised caller learns nothing, not even a field name.
      if (spec.access !== 'public') await lockIfIdle(ctx);
      const refusal = allowed(spec.access, ctx);
      if (refusal) return { ok: false, error: refusal };
      const parsed = spec.input.safeParse(input === undefined ? {} : input);
      if (!parsed.success) {
        const fields = fieldErrors(parsed.error);
        return { ok: false, error: { code: 'invalid_input', message: describeInvalid(fields), fields } };
      }
      if (ctx.session && spec.access !== 'public') ctx.session.lastActivity = ctx.now().getTime();

      // Each handler is typed against its own channel; this lookup cannot see that pairing.
      const handler = handlers[channel] as unknown as (input: unknown, ctx: CoreContext) => Promise<unknown>;
      const value: unknown = await handler(parsed.data, ctx);
      const checked = spec.output.safeParse(value);
      if (!checked.success) throw new Error(`output of ${channel} broke the contract`);
      return { ok: true, value: checked.data };
    } catch (error) {
      return { ok: false, error: toIpcError(error, channel, log) };
    }
  };
}

/** The session ends once it has been idle longer than the school's lock timeout. */
export async function lockIfIdle(ctx: CoreContext): Promise<void> {
  const session = ctx.session;
  if (session && ctx.now().getTime() - session.lastActivity > session.lockMinutes * 60_000) {
    await ctx.lock('idle');
  }
}

