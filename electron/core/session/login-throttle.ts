import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic-write';

const FREE_ATTEMPTS = 3;
const MAX_DELAY_SECONDS = 300;

const failureLog = z.object({
  consecutive: z.number().int().min(0),
  lastFailureAt: z.string().nullable(),
  /** Failures not yet written to the audit log (the database cannot be opened without a key). */
  pending: z.array(z.object({ at: z.string(), staffId: z.number().int().nullable() })).max(1000),
});
type FailureLog = z.infer<typeof failureLog>;

const EMPTY: FailureLog = { consecutive: 0, lastFailureAt: null, pending: [] };

/** 0 s for the first three failures, then 1, 2, 4 … seconds, at most five minutes. */
export function delayAfterFailures(consecutive: number): number {
  if (consecutive < FREE_ATTEMPTS) return 0;
  return Math.min(2 ** (consecutive - FREE_ATTEMPTS), MAX_DELAY_SECONDS);
}

/**
 * Failed sign-ins, kept in a small file beside the database so the delay survives a
 * restart and each failure reaches the audit log at the next successful sign-in. It
 * holds times and staff ids only, never a typed username or password.
 */
export class LoginThrottle {
  constructor(private readonly path: string) {}

  private async load(now = new Date()): Promise<FailureLog> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return EMPTY;
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const parsed = failureLog.safeParse(json);
    if (parsed.success) return parsed.data;
    // A damaged file (not JSON, or not this shape) must not let anyone past the delay: treat
    // it as many failures, the last one now. Written back, so that the wait can run out
    // rather than starting again at every attempt.
    const damaged: FailureLog = { consecutive: FREE_ATTEMPTS + 2, lastFailureAt: now.toISOString(), pending: [] };
    await writeFileAtomic(this.path, JSON.stringify(damaged));
    return damaged;
  }

  /** Seconds to wait before another attempt is allowed; 0 when one may try now. */
  async secondsToWait(now: Date): Promise<number> {
    const log = await this.load(now);
    if (!log.lastFailureAt) return 0;
    const allowedAt = Date.parse(log.lastFailureAt) + delayAfterFailures(log.consecutive) * 1000;
    return Math.max(0, Math.ceil((allowedAt - now.getTime()) / 1000));
  }

  async recordFailure(now: Date, staffId: number | null): Promise<void> {
    const log = await this.load(now);
    const pending = [...log.pending, { at: now.toISOString(), staffId }].slice(-1000);
    await writeFileAtomic(this.path, JSON.stringify({ consecutive: log.consecutive + 1, lastFailureAt: now.toISOString(), pending }));
  }

  /** The failures to audit; the caller writes them, then calls `reset`. */
  async pendingFailures(): Promise<FailureLog['pending']> {
    return (await this.load()).pending;
  }

  async reset(): Promise<void> {
    await writeFileAtomic(this.path, JSON.stringify(EMPTY));
  }
}
