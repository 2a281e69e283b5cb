import type { CoreContext } from '../context';
import { auditHashAt, lastAuditLink } from '../db/audit-queries';
import { latestRosterVersion } from '../db/roster-queries';
import type { UnlockedSession } from '../session/session';
import { makeAnchor, parseAnchor, type SignedAnchor } from './anchor';
import { computerAnchorFile } from './anchor-sources';
import { readComputerAnchor, writeComputerAnchor } from './computer-anchor';
import type { Executor } from '../db/connection';

/** How long after the last audit append the anchors are written: saving an entry never waits for them. */
const ANCHOR_DELAY_MS = 1000;
/** However busy the session, the anchors are at most this far behind. */
const ANCHOR_MAX_WAIT_MS = 5000;

type Place = {
  name: string;
  read(): Promise<SignedAnchor | undefined>;
  write(anchor: SignedAnchor): Promise<void>;
};

/**
 * Keeps the end of the audit chain, signed by the person signed in, outside the database
 * (decision 0017): in the key file and in this computer's own file outside the data folder.
 * Written a moment after the calls that appended to the audit (debounced), and at once before
 * the database closes (lock, quit, restore). Never moved backwards: an anchor the chain does
 * not contain (a later row, or a different row at its place) is the evidence of rows removed or
 * an older folder put back, so it is kept for sign-in and Verify to report.
 */
export class AnchorKeeper {
  private timer: NodeJS.Timeout | null = null;
  private pendingSince: number | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly ctx: CoreContext,
    private readonly log: (message: string) => void,
    private readonly delayMs = ANCHOR_DELAY_MS,
    private readonly maxWaitMs = ANCHOR_MAX_WAIT_MS,
  ) {}

  /** After a call that may have appended to the audit: the anchors follow shortly. */
  schedule(): void {
    if (!this.ctx.session) return;
    const now = Date.now();
    this.pendingSince ??= now;
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.delayMs, this.pendingSince + this.maxWaitMs - now));
    this.timer = setTimeout(() => void this.flush(this.ctx.session), wait);
    // A pending anchor never keeps a process alive: closing the core flushes it.
    this.timer.unref();
  }

  /** Writes the anchors now for `session` (the one about to close, on lock), after any write under way. */
  flush(session: UnlockedSession | null): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pendingSince = null;
    const next = this.running.then(async () => {
      if (session) await this.writeAnchors(session);
    });
    // A failed write is logged, never thrown: the records are saved; the next write tries again.
    this.running = next.catch((error: unknown) => this.log(`could not keep the audit anchor: ${error instanceof Error ? error.name : 'unknown'}`));
    return this.running;
  }

  private places(): Place[] {
    const { keyslots } = this.ctx;
    const places: Place[] = [
      { name: 'key file', read: async () => parseAnchor(await keyslots.readAnchor().catch(() => undefined)), write: (a) => keyslots.writeAnchor(a) },
    ];
    const file = computerAnchorFile(this.ctx);
    if (file !== null) places.push({ name: 'computer', read: () => readComputerAnchor(file), write: (a) => writeComputerAnchor(file, a) });
    return places;
  }

  private async writeAnchors(session: UnlockedSession): Promise<void> {
    // Only into the folder in use: while practice mode is open that is the practice folder,
    // and the school's chain end must never be written there (decision 0032), nor the other way round.
    if ((session.practice === true) !== (this.ctx.parked !== null)) return;
    const { db } = session;
    const end = await lastAuditLink(db);
    if (!end) return;
    // A database from before the roster (read-only, damaged) has none: version 0.
    const rosterVersion = await latestRosterVersion(db).catch(() => 0);
    const anchor = makeAnchor(end, rosterVersion, this.ctx.now(), { id: session.user.id, keys: session.keys });
    for (const place of this.places()) {
      const current = await place.read();
      if (current && current.seq === end.seq && current.hash === end.hash) continue;
      if (current && !(await chainHolds(db, current, end.seq))) {
        this.log(`kept the ${place.name}'s audit anchor: the chain does not hold it`);
        continue;
      }
      await place.write(anchor);
    }
  }
}

/** Whether the chain ending at `endSeq` holds the row the anchor names (so replacing it moves forward). */
async function chainHolds(db: Pick<Executor, 'get'>, anchor: SignedAnchor, endSeq: number): Promise<boolean> {
  if (anchor.seq > endSeq) return false;
  return (await auditHashAt(db, anchor.seq)) === anchor.hash;
}
