import type { CoreContext } from '../context';
import { parseAnchor, type SignedAnchor } from './anchor';

/**
 * The anchors kept outside the database that Verify and sign-in compare the chain with.
 * Today: the key file's. A file of this computer's, outside the data folder, joins it.
 */
export async function anchorsOutsideDatabase(ctx: CoreContext): Promise<{ source: string; anchor: SignedAnchor }[]> {
  const found: { source: string; anchor: SignedAnchor }[] = [];
  const inKeyFile = parseAnchor(await ctx.keyslots.readAnchor().catch(() => undefined));
  if (inKeyFile) found.push({ source: 'the key file (keyslots.json)', anchor: inKeyFile });
  return found;
}
