// The one shape every IPC call answers with. Codes are stable: the renderer branches on
// them; messages are for people and never carry stack traces or SQL.
export const ERROR_CODES = [
  'invalid_input',
  'unknown_channel',
  'forbidden_sender',
  'not_set_up',
  'already_set_up',
  'locked',
  'forbidden',
  'bad_credentials',
  'throttled',
  'not_found',
  'conflict',
  'signed_entry_locked',
  'damaged',
  'storage_full',
  /** A document could not be written where the person chose (permission, missing folder). */
  'not_saved',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type IpcError = {
  code: ErrorCode;
  message: string;
  /** Per-field messages, keyed by the field's dotted path (e.g. "people.0.name"). */
  fields?: Record<string, string>;
};

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };
