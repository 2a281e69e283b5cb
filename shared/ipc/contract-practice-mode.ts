import { z } from 'zod';
import { confirmingPassword } from '../domain/staff';
import { sessionStatus } from './contract-accounts';
import type { Spec } from './spec';

/**
 * Practice mode itself (decision 0032): opening the separate practice folder with the person's
 * own password, and returning to the school's records. Both answer the new session status.
 */
export const practiceModeChannels = {
  'practice.open': {
    access: 'staff',
    input: z.object({ currentPassword: confirmingPassword }).strict(),
    output: sessionStatus,
  },
  'practice.close': {
    access: 'staff',
    input: z.object({}).strict(),
    output: sessionStatus,
  },
} as const satisfies Record<string, Spec>;
