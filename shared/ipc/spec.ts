import { z } from 'zod';
import type { Role } from '../domain/staff';

/**
 * Who may call a channel: anyone (before unlock too), any signed-in member of staff, or
 * only holders of one of the listed roles. Checked by the core's dispatch, not the UI.
 */
export type Access = 'public' | 'staff' | { roles: readonly Role[] };

export type Spec = { input: z.ZodType; output: z.ZodType; access: Access };

export const none = z.object({}).strict();
export const done = z.object({ done: z.literal(true) });
