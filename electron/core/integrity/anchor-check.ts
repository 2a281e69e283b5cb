import { formatDateTime } from '../../../shared/domain/dates';
import type { Executor } from '../db/connection';
import { auditHashAt, lastAuditLink } from '../db/audit-queries';
import { verifyAnchor, type SignedAnchor } from './anchor';
import type { AnchorSource } from './anchor-sources';
import type { RosterVersion } from './roster';

type AnchorVerdict = 'held' | 'forged' | 'shorter' | 'rewritten';

/**
 * How the chain compares with one anchor kept outside the database: it holds the anchor's
 * row (held), ends before it (shorter: rows cut from the end, or an older folder put back),
 * has a different row at its place (rewritten, or an older folder written to since), or the
 * anchor is signed by no key any version of the roster gave (forged).
 */
async function compareWithAnchor(
  db: Pick<Executor, 'get'>,
  anchor: SignedAnchor,
  versions: readonly RosterVersion[],
  endSeq: number,
): Promise<AnchorVerdict> {
  if (!verifyAnchor(anchor, versions).ok) return 'forged';
  if (anchor.seq > endSeq) return 'shorter';
  return (await auditHashAt(db, anchor.seq)) === anchor.hash ? 'held' : 'rewritten';
}

/**
 * What sign-in tells the person (in the session status, beside the health problems) when the
 * chain does not reach what an anchor recorded. One sentence per kind of problem, about the
 * furthest anchor of that kind; Verify names each place.
 */
export async function anchorProblems(db: Pick<Executor, 'get'>, anchors: readonly AnchorSource[], versions: readonly RosterVersion[]): Promise<string[]> {
  if (anchors.length === 0) return [];
  const endSeq = (await lastAuditLink(db))?.seq ?? 0;
  const worst = new Map<AnchorVerdict, AnchorSource>();
  for (const found of anchors) {
    const verdict = await compareWithAnchor(db, found.anchor, versions, endSeq);
    const before = worst.get(verdict);
    if (verdict !== 'held' && (!before || before.anchor.seq < found.anchor.seq)) worst.set(verdict, found);
  }
  const problems: string[] = [];
  const shorter = worst.get('shorter');
  if (shorter) {
    problems.push(
      `These records are older than the last state this computer saw (row ${shorter.anchor.seq} on ${formatDateTime(shorter.anchor.at)}). Rows were removed from the end of the audit log, or an older copy of the data folder was put back. Run Verify and tell your IT technician.`,
    );
  }
  const rewritten = worst.get('rewritten');
  if (rewritten) {
    problems.push(
      `These records are not the ones this computer last saw: audit row ${rewritten.anchor.seq} is not the row it was on ${formatDateTime(rewritten.anchor.at)}. The audit log was rewritten, or an older copy of the data folder was put back and used since. Run Verify and tell your IT technician.`,
    );
  }
  const forged = worst.get('forged');
  if (forged) {
    problems.push(
      `The record of the audit log’s end kept in ${forged.source} is not signed by anyone on the signed staff list: it was written outside the app. Run Verify and tell your IT technician.`,
    );
  }
  return problems;
}
