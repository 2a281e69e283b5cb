import { z } from 'zod';
import { confirmingPassword } from '../domain/staff';
import { backupFileName } from './contract-backups';
import { none, type Spec } from './spec';

/** Re-keying and the recovery code are the DSL's (issue 16 item 6). */
const dsl = { roles: ['dsl'] } as const;

/**
 * What a re-key did, in what the DSL is shown: how many key slots took the new key, whose
 * accounts lost theirs (they need a password reset) and whether the recovery code must be
 * replaced; or, when it could not be done, why (the change that asked for it still stands).
 */
export const rekeyOutcome = z.discriminatedUnion('rekeyed', [
  z.object({
    rekeyed: z.literal(true),
    resealed: z.number().int().min(0),
    needReset: z.array(z.object({ id: z.number().int(), name: z.string() })),
    recoveryDropped: z.boolean(),
  }),
  z.object({ rekeyed: z.literal(false), reason: z.string() }),
]);

export const keyChannels = {
  /** "Re-key now": after a re-key that another program's open file prevented. */
  'records.rekey': { access: dsl, input: none, output: rekeyOutcome },
  /**
   * A new recovery code (and keys) in place of the old one, shown once; the records are
   * re-keyed, so the old code opens nothing written afterwards, even with an old key file.
   */
  'recovery.replaceCode': {
    access: dsl,
    input: z.object({ currentPassword: confirmingPassword }).strict(),
    output: z.object({ recoveryCode: z.string(), rekey: rekeyOutcome }),
  },
  /**
   * Deletes this app's backups older than `keepFrom` (a fresh one, made after a re-key) from
   * the backup folder: they still open with the passwords and recovery code they were made with.
   */
  'backups.retireOlder': {
    access: dsl,
    input: z.object({ keepFrom: backupFileName, confirm: z.literal(true, { error: 'Tick the box to confirm' }) }).strict(),
    output: z.object({ retired: z.number().int().min(0) }),
  },
} as const satisfies Record<string, Spec>;

export type RekeyOutcomeView = z.output<typeof rekeyOutcome>;
