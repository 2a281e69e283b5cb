// Child process for keyslots-crash.test.ts: changes one member of staff's password back and
// forth for ever, printing a line after each write has completed, until it is killed.
//   node --import tsx keyslot-writer.ts <keyslots.json> <data key hex> <staff id> <username> <password A> <password B>
import { KeyslotStore } from '../../../electron/core/vault/keyslots';

const [path, keyHex, staffId, username, passwordA, passwordB] = process.argv.slice(2);
if (!path || !keyHex || !staffId || !username || !passwordA || !passwordB) {
  process.stderr.write('usage: keyslot-writer <path> <key hex> <staff id> <username> <password A> <password B>\n');
  process.exit(2);
}

// Low scrypt cost, so a run of a few hundred milliseconds holds many writes.
const store = new KeyslotStore(path, { N: 2 ** 14, r: 8, p: 1 });
const dataKey = Buffer.from(keyHex, 'hex');
process.stdout.write('ready\n');
for (let write = 1; ; write += 1) {
  // Write 1 sets B, write 2 sets A, and so on: the file starts with A.
  const password = write % 2 === 1 ? passwordB : passwordA;
  await store.setStaffPassword(dataKey, { staffId: Number(staffId), username, password });
  process.stdout.write(`wrote ${write}\n`);
}
