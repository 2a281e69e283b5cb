import type { CoreContext } from '../context';
import type { KeyslotStore } from '../vault/keyslots';
import { parseAnchor, type SignedAnchor } from './anchor';
import { computerAnchorPath, readComputerAnchor } from './computer-anchor';

export type AnchorSource = { source: string; anchor: SignedAnchor };

/** How each place is named in what the DSL reads. */
export const ANCHOR_PLACES = {
  keyFile: 'the key file (keyslots.json)',
  computer: 'this computer’s own record, kept outside the data folder',
} as const;

/**
 * The anchors kept outside the database that Verify and sign-in compare the chain with: the
 * key file's, and this computer's (a file outside the data folder, so putting an older copy
 * of the whole folder back does not put back an older one of it).
 */
export async function readAnchors(keyslots: Pick<KeyslotStore, 'readAnchor'>, computerFile: string | null): Promise<AnchorSource[]> {
  const found: AnchorSource[] = [];
  const inKeyFile = parseAnchor(await keyslots.readAnchor().catch(() => undefined));
  if (inKeyFile) found.push({ source: ANCHOR_PLACES.keyFile, anchor: inKeyFile });
  const onComputer = computerFile === null ? undefined : await readComputerAnchor(computerFile);
  if (onComputer) found.push({ source: ANCHOR_PLACES.computer, anchor: onComputer });
  return found;
}

/** This computer's anchor file for the context's data folder, or null when the core was given no state folder. */
export function computerAnchorFile(ctx: Pick<CoreContext, 'stateDir' | 'paths'>): string | null {
  return ctx.stateDir === null ? null : computerAnchorPath(ctx.stateDir, ctx.paths.dataDir);
}

export async function anchorsOutsideDatabase(ctx: CoreContext): Promise<AnchorSource[]> {
  return readAnchors(ctx.keyslots, computerAnchorFile(ctx));
}
