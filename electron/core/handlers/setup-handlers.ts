import { access } from 'node:fs/promises';
import { LOCK_MINUTES_DEFAULT } from '../../../shared/domain/settings';
import type { Role } from '../../../shared/domain/staff';
import { AppError } from '../errors';
import { appendAudit } from '../audit/audit-log';
import { writeSetting } from '../db/settings-queries';
import { insertStaff } from '../db/staff-queries';
import { checkPasswordStrength, weakPasswordMessage } from '../security/password-strength';
import { openDatabase, openSession, sessionStatus, signerFor } from '../session/open-session';
import { newDataKey, newRecoveryCode } from '../vault/keyslots';
import { newPersonKeys } from '../vault/person-keys';
import { appendRoster } from '../integrity/roster';
import { setAsideComputerAnchor } from '../integrity/computer-anchor';
import { writeFileAtomic } from '../fs/atomic-write';
import { emptyFailureLogText } from '../session/login-throttle';
import type { Handlers } from './types';

async function fileExists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

export const setupHandlers = {
  'password.check': ({ password, userInputs }) => Promise.resolve(checkPasswordStrength(password, userInputs)),

  // With the authentications (ctx.auth), so two set-ups at once cannot both pass the check below.
  'setup.create': (input, ctx) => ctx.auth.run(async () => {
    if (await ctx.keyslots.exists()) throw new AppError('already_set_up', 'These records are already set up. Sign in instead.');
    if (await fileExists(ctx.paths.database)) {
      // Never overwrite a database we cannot open: its key file may only be mislaid.
      throw new AppError(
        'conflict',
        'The data folder already holds a records database but no key file (keyslots.json). Restore the key file from a backup, or move the database elsewhere to start afresh.',
      );
    }
    const feedback = checkPasswordStrength(input.password, [input.schoolName, input.dslName, input.username]);
    if (!feedback.acceptable) {
      throw new AppError('invalid_input', 'Choose a stronger password.', { password: weakPasswordMessage(feedback) });
    }

    const dataKey = newDataKey();
    const now = ctx.now().toISOString();
    const roles: Role[] = input.alsoHead ? ['dsl', 'head'] : ['dsl'];
    // The DSL's own keys and the school's recovery keys (decision 0017): the first roster names them.
    const keys = newPersonKeys();
    const recoveryKeys = newPersonKeys();
    // Records begun again in a folder this computer knew: its anchor was of records now gone.
    const earlierRecordsHere = ctx.stateDir !== null && (await setAsideComputerAnchor(ctx.stateDir, ctx.paths.dataDir, ctx.now()));
    const db = await openDatabase(ctx, dataKey, true);
    let staffId: number;
    try {
      await db.trackChanges();
      staffId = await db.transaction(async (tx) => {
        await writeSetting(tx, 'schoolName', input.schoolName);
        await writeSetting(tx, 'schoolUrn', input.schoolUrn);
        await writeSetting(tx, 'lockMinutes', String(LOCK_MINUTES_DEFAULT));
        const dsl = await insertStaff(tx, { name: input.dslName, username: input.username, roles, createdAt: now, createdBy: null });
        db.setSigner(signerFor(dsl.id, keys));
        const member = { id: dsl.id, username: dsl.username, name: dsl.name, roles, active: true, ...keys.publicKeys };
        await appendRoster(tx, null, { members: [member], recovery: recoveryKeys.publicKeys }, { id: dsl.id, keys }, ctx.now());
        await appendAudit(tx, {
          action: 'setup',
          actorId: dsl.id,
          at: ctx.now(),
          subjectType: 'staff',
          subjectId: dsl.id,
          ...(earlierRecordsHere ? { details: { earlierRecordsHere: true } } : {}),
        });
        return dsl.id;
      });
    } finally {
      await db.close();
    }
    const recoveryCode = newRecoveryCode();
    // Before the key file: from set-up on, a missing failures file means the longest wait (decision 0014).
    await writeFileAtomic(ctx.paths.loginFailures, emptyFailureLogText());
    // Written last: the key file's presence is what "set up" means.
    await ctx.keyslots.create(dataKey, { staffId, username: input.username, password: input.password, keys }, { code: recoveryCode, keys: recoveryKeys });
    ctx.session = await openSession(ctx, { dataKey }, staffId, keys);
    return { recoveryCode, status: await sessionStatus(ctx) };
  }),
} satisfies Partial<Handlers>;
