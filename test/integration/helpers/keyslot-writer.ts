// Child process for keyslots-crash.test.ts: changes one member of staff's own password round a
// cycle of passwords for ever, printing a line after each write has completed, until killed.
//   node --import tsx keyslot-writer.ts <keyslots.json> <data key hex> <staff id> <username> <index now in the file> <password>...
// Write n sets passwords[(index + n) % passwords.length].
import { KeyslotStore } from '../../../electron/core/vault/keyslots';

const [path, keyHex, staffId, username, start, ...passwords] = process.argv.slice(2);
if (!path || !keyHex || !staffId || !username || !start || passwords.length < 2) {
  process.stderr.write('usage: keyslot-writer <path> <key hex> <staff id> <username> <index> <password> <password>...\n');
  process.exit(2);
}

// Low scrypt cost (the lowest the file format accepts), so a short run holds several writes.
const store = new KeyslotStore(path, { N: 2 ** 14, r: 8, p: 1 });
// The person's own keys, as a signed-in member of staff has them; each write re-wraps them.
const keys = await store.verifyStaffPassword(Number(staffId), passwords[Number(start) % passwords.length]!);
if (!keys) {
  process.stderr.write('the password at the start index does not open the slot\n');
  process.exit(2);
}
process.stdout.write('ready\n');
for (let write = 1; ; write += 1) {
  const password = passwords[(Number(start) + write) % passwords.length]!;
  await store.changeOwnPassword(Number(staffId), username, keys, password);
  process.stdout.write(`wrote ${write}\n`);
}
