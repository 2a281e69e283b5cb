// Child process for keyslots-rekey-crash.test.ts: re-keys the key file for ever (stage a new
// data key, then commit it), printing each key before staging it and after committing it,
// until killed. The database itself is not involved: this is the key file's side only.
//   node --import tsx keyslot-rekeyer.ts <keyslots.json> <username> <password>
import { randomBytes } from 'node:crypto';
import { KeyslotStore } from '../../../electron/core/vault/keyslots';

const [path, username, password] = process.argv.slice(2);
if (!path || !username || !password) {
  process.stderr.write('usage: keyslot-rekeyer <path> <username> <password>\n');
  process.exit(2);
}

// The lowest scrypt cost the file format accepts: the slots in the test are written with it.
const store = new KeyslotStore(path, { N: 2 ** 14, r: 8, p: 1 });
const opened = await store.unlockWithPassword(username, password);
if (!opened.ok) {
  process.stderr.write('the password does not open the key file\n');
  process.exit(2);
}
process.stdout.write('ready\n');
for (;;) {
  const next = randomBytes(32);
  // Written before the file changes (pipes are synchronous on Linux), so the parent knows it.
  process.stdout.write(`staging ${next.toString('hex')}\n`);
  await store.stageDataKey(next);
  await store.commitDataKey();
  process.stdout.write(`committed ${next.toString('hex')}\n`);
}
