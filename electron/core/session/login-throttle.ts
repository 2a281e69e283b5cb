import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic-write';

const FREE_ATTEMPTS = 3;
const MAX_DELAY_SECONDS = 300;
/** The fewest failures that already ask for the longest wait. */
const LONGEST = FREE_ATTEMPTS + Math.ceil(Math.log2(MAX_DELAY_SECONDS));
/** Per-account counters kept; beyond this the oldest go (the global counter still holds). */
const MAX_ACCOUNTS = 200;
const MAX_PENDING = 1000;

/** The counter key for the recovery code, which has no username. */
export const RECOVERY_ACCOUNT = 'recovery';

/** Which door a failed attempt came through, so the audit log can say. */
const failurePaths = ['sign-in', 'recovery', 'signing', 'reauth', 'restore', 'failures-file'] as const;
export type FailurePath = (typeof failurePaths)[number];

const counter = z.object({ consecutive: z.number().int().min(0), lastFailureAt: z.string().nullable() });
type Counter = z.infer<typeof counter>;

const pendingFailure = z.object({
  at: z.string(),
  staffId: z.number().int().nullable(),
  path: z.enum(failurePaths).optional(),
});
export type PendingFailure = z.infer<typeof pendingFailure>;

/** The first format: one counter for everyone. Still read, so an upgrade keeps its count. */
const failureLogV1 = z.object({
  consecutive: z.number().int().min(0),
  lastFailureAt: z.string().nullable(),
  pending: z.array(pendingFailure).max(MAX_PENDING),
});

const failureLog = z.object({
  version: z.literal(2),
  global: counter,
  /** Keyed by the key file's salted username lookup (or `recovery`), never a readable name. */
  accounts: z.record(z.string().regex(/^([0-9a-f]{64}|recovery)$/), counter),
  /** Failures not yet written to the audit log (the database cannot be opened without a key). */
  pending: z.array(pendingFailure).max(MAX_PENDING),
});
type FailureLog = z.infer<typeof failureLog>;

const ZERO: Counter = { consecutive: 0, lastFailureAt: null };

function emptyFailureLog(): FailureLog {
  return { version: 2, global: ZERO, accounts: {}, pending: [] };
}

/** The text of a fresh failures file, for set-up and for a restored folder. */
export function emptyFailureLogText(): string {
  return JSON.stringify(emptyFailureLog());
}

/** 0 s for the first three failures, then 1, 2, 4 … seconds, at most five minutes. */
export function delayAfterFailures(consecutive: number): number {
  if (consecutive < FREE_ATTEMPTS) return 0;
  return Math.min(2 ** (consecutive - FREE_ATTEMPTS), MAX_DELAY_SECONDS);
}

function secondsLeft(c: Counter | undefined, now: Date): number {
  if (!c?.lastFailureAt) return 0;
  const allowedAt = Date.parse(c.lastFailureAt) + delayAfterFailures(c.consecutive) * 1000;
  return Math.max(0, Math.ceil((allowedAt - now.getTime()) / 1000));
}

function bump(c: Counter | undefined, now: Date): Counter {
  return { consecutive: (c?.consecutive ?? 0) + 1, lastFailureAt: now.toISOString() };
}

/**
 * Failed sign-ins, kept in a small file beside the database so the delay survives a
 * restart and each failure reaches the audit log at the next successful sign-in. It
 * holds times, staff ids and salted username lookups only, never a typed username or
 * password. Two counters apply to every attempt: the global one (anyone's success
 * clears it) and the account's own (only that account's success clears it), so one
 * person signing in normally does not wipe the wait on an account under attack.
 *
 * Once the records are set up the file always exists (set-up writes it; decision 0014);
 * if it is then missing or damaged, that is treated as the longest wait, never as none.
 */
export class LoginThrottle {
  constructor(
    private readonly path: string,
    /** Whether set-up has happened: before it, no file is right and means no failures. */
    private readonly isSetUp: () => Promise<boolean>,
  ) {}

  private async load(now: Date): Promise<FailureLog> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') {
        if (!(await this.isSetUp())) return emptyFailureLog();
        return this.lost(now);
      }
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
    const old = failureLogV1.safeParse(json);
    if (old.success) {
      return { version: 2, global: { consecutive: old.data.consecutive, lastFailureAt: old.data.lastFailureAt }, accounts: {}, pending: old.data.pending };
    }
    return this.lost(now);
  }

  /**
   * A missing or damaged file must not let anyone past the delay: treat it as the longest
   * wait, starting now, and say so in the audit log at the next sign-in. Written back, so
   * that the wait can run out rather than starting again at every attempt.
   */
  private async lost(now: Date): Promise<FailureLog> {
    const log: FailureLog = {
      version: 2,
      global: { consecutive: LONGEST, lastFailureAt: now.toISOString() },
      accounts: {},
      pending: [{ at: now.toISOString(), staffId: null, path: 'failures-file' }],
    };
    await writeFileAtomic(this.path, JSON.stringify(log));
    return log;
  }

  /** Seconds to wait before another attempt (on this account, if given) is allowed; 0 when one may try now. */
  async secondsToWait(now: Date, account?: string): Promise<number> {
    const log = await this.load(now);
    return Math.max(secondsLeft(log.global, now), account === undefined ? 0 : secondsLeft(log.accounts[account], now));
  }

  /**
   * One more failure, on the global counter and the account's own. `audited` failures are
   * already in the audit log (a failed signature), so they count without waiting to be written.
   */
  async recordFailure(now: Date, failure: { staffId: number | null; account?: string; path: FailurePath; audited?: boolean }): Promise<void> {
    const log = await this.load(now);
    const accounts = { ...log.accounts };
    if (failure.account !== undefined) {
      const next = bump(accounts[failure.account], now);
      delete accounts[failure.account];
      accounts[failure.account] = next;
    }
    const keys = Object.keys(accounts);
    for (const key of keys.slice(0, Math.max(0, keys.length - MAX_ACCOUNTS))) delete accounts[key];
    const pending = failure.audited === true ? log.pending : [...log.pending, { at: now.toISOString(), staffId: failure.staffId, path: failure.path }].slice(-MAX_PENDING);
    const next: FailureLog = { version: 2, global: bump(log.global, now), accounts, pending };
    await writeFileAtomic(this.path, JSON.stringify(next));
  }

  /** The failures to audit; the caller writes them, then calls `succeeded`. */
  async pendingFailures(now: Date): Promise<PendingFailure[]> {
    return (await this.load(now)).pending;
  }

  /**
   * A successful authentication (its pending failures now audited): clears the global count
   * and this account's own; every other account keeps its count and its wait.
   */
  async succeeded(now: Date, account?: string, options: { audited: boolean } = { audited: true }): Promise<void> {
    const log = await this.load(now);
    const accounts = { ...log.accounts };
    if (account !== undefined) delete accounts[account];
    // Records opened read-only (damaged) could not take the failures: they wait for a later success.
    const next: FailureLog = { version: 2, global: ZERO, accounts, pending: options.audited ? [] : log.pending };
    await writeFileAtomic(this.path, JSON.stringify(next));
  }
}
