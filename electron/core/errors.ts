import type { ErrorCode } from '../../shared/ipc/result';

/**
 * A failure the user can be told about. Anything else thrown inside the core is reported
 * as `internal` with a generic message, so no SQL, path or stack reaches the renderer.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
