import { z } from 'zod';
import { SIGNATURE_MEANING_KEYS } from '../signatures';
import { gap } from './incident-detail';
import { incidentSummary } from './incident-summary';

/** The DSL's first screen: open incidents and what they lack, what is overdue or awaits a signature, the last backup. */
export const dashboard = z.object({
  openIncidents: z.array(incidentSummary.extend({ gaps: z.array(gap) })),
  overdue: z.array(z.object({ incidentId: z.number().int(), reference: z.string(), entryId: z.number().int(), what: z.string(), dueOn: z.string() })),
  awaitingSignature: z.array(
    z.object({
      incidentId: z.number().int(),
      reference: z.string(),
      entryId: z.number().int(),
      entryLabel: z.string(),
      occurredAt: z.string(),
      meaning: z.enum(SIGNATURE_MEANING_KEYS),
      from: z.string(),
      /** True when the signed-in person is the one (or holds the role) the signature is awaited from. */
      forMe: z.boolean(),
    }),
  ),
  /** Transfers of child-protection files not yet confirmed received (issue 20), the soonest deadline first. */
  transfersAwaiting: z.array(
    z.object({
      transferId: z.number().int(),
      pupilName: z.string(),
      receivingSchool: z.string(),
      dueOn: z.string(),
      sent: z.boolean(),
      overdue: z.boolean(),
    }),
  ),
  /** The newest good backup, and whether one is recent enough not to warn about. */
  lastBackup: z.object({
    at: z.string().nullable(),
    folderChosen: z.boolean(),
    /** A good backup within the last seven days. */
    recent: z.boolean(),
  }),
});

export type Dashboard = z.output<typeof dashboard>;
