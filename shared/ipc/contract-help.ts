import { z } from 'zod';
import type { Spec } from './spec';

/** The Help page's printable summary for all staff: it holds no record, so every role may print it. */
export const helpChannels = {
  'help.staffSummaryPdf': {
    access: 'staff',
    input: z.object({}).strict(),
    output: z.discriminatedUnion('saved', [
      z.object({ saved: z.literal(true), fileName: z.string(), pages: z.number().int() }),
      /** The save dialog was cancelled: nothing was written. */
      z.object({ saved: z.literal(false) }),
    ]),
  },
} as const satisfies Record<string, Spec>;
