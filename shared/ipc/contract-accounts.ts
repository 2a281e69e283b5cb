import { z } from 'zod';
import { done, none, type Spec } from './spec';
import { confirmingPassword, newPassword, password, personName, staffRoleSet, staffMember, username, ROLES } from '../domain/staff';
import { LOCK_MINUTES_MAX, LOCK_MINUTES_MIN, schoolName, schoolUrn } from '../domain/settings';
import { staffChangeReason } from '../domain/staff-rules';
import { rekeyOutcome } from './contract-keys';

/** A change that re-keys the records: done, and what the re-key did (the change stands either way). */
const doneAndRekeyed = done.extend({ rekey: rekeyOutcome });


const signedInUser = z.object({
  id: z.number().int(),
  name: z.string(),
  username: z.string(),
  roles: z.array(z.enum(ROLES)),
});

export const sessionStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('not_set_up') }),
  z.object({ state: z.literal('locked') }),
  z.object({
    state: z.literal('unlocked'),
    user: signedInUser,
    schoolName: z.string(),
    lockMinutes: z.number().int(),
    /**
     * Problems found on open: the database's own checks (then the records are read-only) and
     * the sign-in's integrity checks (the signed roster, the chain's end against its anchors).
     */
    problems: z.array(z.string()),
    /** Whether the database failed its checks on open, so nothing can be saved (absent: as problems say). */
    readOnly: z.boolean().optional(),
    /**
     * For a DSL only, when there were any: failed sign-ins (any account, the recovery code
     * included) since they last signed in, the newest few with when and which account.
     */
    failedSignIns: z
      .object({
        count: z.number().int().min(1),
        latest: z.array(z.object({ at: z.string(), account: z.string() })).max(10),
      })
      .optional(),
    /** Present while the password was last set by someone else: who and when (shown after sign-in). */
    passwordSetBy: z.object({ name: z.string(), at: z.string() }).optional(),
    /** The practice records are open (decision 0032): every screen says so, and nothing here is real. */
    practice: z.boolean(),
  }),
]);

const passwordFeedback = z.object({
  acceptable: z.boolean(),
  score: z.number().int().min(0).max(4),
  warning: z.string(),
  suggestions: z.array(z.string()),
});

const lockMinutes = z
  .number({ error: 'Enter a number of minutes' })
  .int('Enter a whole number of minutes')
  .min(LOCK_MINUTES_MIN, `Lock after at least ${LOCK_MINUTES_MIN} minute`)
  .max(LOCK_MINUTES_MAX, `Lock after at most ${LOCK_MINUTES_MAX} minutes`);

/** Set-up, sign-in, staff accounts and settings. */
export const accountChannels = {
  'app.info': {
    access: 'public',
    input: none,
    output: z.object({
      version: z.string(),
      dataDir: z.string(),
      setUp: z.boolean(),
      platform: z.string(),
    }),
  },
  'password.check': {
    access: 'public',
    input: z.object({ password: z.string().max(200), userInputs: z.array(z.string().max(200)).max(10).default([]) }).strict(),
    output: passwordFeedback,
  },
  'setup.create': {
    access: 'public',
    input: z
      .object({
        schoolName,
        schoolUrn: schoolUrn.default(''),
        dslName: personName,
        /** In a small school the DSL may also be the headteacher. */
        alsoHead: z.boolean().default(false),
        username,
        password: newPassword,
      })
      .strict(),
    output: z.object({ recoveryCode: z.string(), status: sessionStatus }),
  },
  'session.status': { access: 'public', input: none, output: sessionStatus },
  'session.unlock': {
    access: 'public',
    input: z.object({ username, password }).strict(),
    output: sessionStatus,
  },
  'session.lock': {
    access: 'public',
    input: z.object({ reason: z.enum(['button', 'idle']).default('button') }).strict(),
    output: done,
  },
  'session.touch': { access: 'staff', input: none, output: done },
  'recovery.resetPassword': {
    access: 'public',
    input: z
      .object({
        recoveryCode: z.string().trim().min(1, 'Enter the recovery code').max(80, 'That is longer than a recovery code'),
        username,
        newPassword,
      })
      .strict(),
    output: doneAndRekeyed,
  },
  'account.changePassword': {
    access: 'staff',
    input: z.object({ currentPassword: password, newPassword }).strict(),
    output: done,
  },
  'staff.list': { access: { roles: ['dsl'] }, input: none, output: z.array(staffMember) },
  'staff.add': {
    access: { roles: ['dsl'] },
    input: z.object({ name: personName, username, roles: staffRoleSet, password: newPassword, currentPassword: confirmingPassword }).strict(),
    output: staffMember,
  },
  'staff.deactivate': {
    access: { roles: ['dsl'] },
    input: z.object({ staffId: z.number().int().positive() }).strict(),
    output: staffMember.extend({ rekey: rekeyOutcome }),
  },
  'staff.resetPassword': {
    access: { roles: ['dsl'] },
    input: z.object({ staffId: z.number().int().positive(), newPassword, currentPassword: confirmingPassword }).strict(),
    output: doneAndRekeyed,
  },
  'staff.setRoles': {
    access: { roles: ['dsl'] },
    input: z.object({ staffId: z.number().int().positive(), roles: staffRoleSet, reason: staffChangeReason, currentPassword: confirmingPassword }).strict(),
    output: staffMember,
  },
  /** Deactivation removed the person's key slot, so reactivating gives them a new (temporary) password. */
  'staff.reactivate': {
    access: { roles: ['dsl'] },
    input: z.object({ staffId: z.number().int().positive(), reason: staffChangeReason, newPassword }).strict(),
    output: staffMember,
  },
  'settings.get': {
    access: 'staff',
    input: none,
    output: z.object({ schoolName: z.string(), schoolUrn: z.string(), lockMinutes: z.number().int() }),
  },
  'settings.update': {
    access: { roles: ['dsl'] },
    input: z.object({ lockMinutes }).strict(),
    output: z.object({ schoolName: z.string(), schoolUrn: z.string(), lockMinutes: z.number().int() }),
  },
  'settings.updateSchool': {
    access: { roles: ['dsl'] },
    input: z.object({ schoolName, schoolUrn }).strict(),
    output: z.object({ schoolName: z.string(), schoolUrn: z.string(), lockMinutes: z.number().int() }),
  },
} as const satisfies Record<string, Spec>;

export type SessionStatus = z.output<typeof sessionStatus>;
export type PasswordFeedback = z.output<typeof passwordFeedback>;
