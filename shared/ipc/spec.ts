import { z } from 'zod';
import type { Access } from './access';


export type Spec = { input: z.ZodType; output: z.ZodType; access: Access };

export const none = z.object({}).strict();
export const done = z.object({ done: z.literal(true) });
