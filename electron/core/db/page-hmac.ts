import { createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

// SQLCipher 4's own check of every page of the file (cipher_integrity_check), which this
// engine does not have, done here from the format's definition: each page ends with a
// 16-byte IV and a 64-byte HMAC-SHA512 of the page's ciphertext, its IV and its page number
// (4 bytes, little-endian). With a raw key, the HMAC key is PBKDF2-HMAC-SHA512 of the key
// with the file's salt XOR 0x3a, 2 iterations, 32 bytes. Reading the file this way finds a
// changed byte on every page, free pages included, whatever the engine reads or skips.

/** SQLCipher 4's defaults, which `PRAGMA legacy = 4` selects. */
const PAGE_SIZE = 4096;
const SALT_BYTES = 16;
const HMAC_BYTES = 64;
const HMAC_SALT_MASK = 0x3a;
const FAST_KDF_ITERATIONS = 2;
/** Pages read at a time: 1 MiB, so a large file never sits in memory whole. */
const PAGES_PER_READ = 256;
/** One line per bad page is useful up to a point; past it, a count says the rest. */
const MAX_LISTED = 20;

/** The pages of `file` whose HMAC does not verify under `key`, as sentences; empty when every page is intact. */
export function pagesFailingHmac(file: string, key: Buffer): string[] {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return [];
    const problems: string[] = [];
    if (size % PAGE_SIZE !== 0) problems.push(`Encrypted page check: the file is ${size} bytes, not a whole number of ${PAGE_SIZE}-byte pages.`);
    const pages = Math.floor(size / PAGE_SIZE);
    const salt = Buffer.alloc(SALT_BYTES);
    readSync(fd, salt, 0, SALT_BYTES, 0);
    const hmacKey = pbkdf2Sync(key, salt.map((byte) => byte ^ HMAC_SALT_MASK), FAST_KDF_ITERATIONS, 32, 'sha512');
    const chunk = Buffer.alloc(PAGE_SIZE * PAGES_PER_READ);
    const pageNumber = Buffer.alloc(4);
    let failed = 0;
    for (let first = 0; first < pages; first += PAGES_PER_READ) {
      const count = Math.min(PAGES_PER_READ, pages - first);
      readSync(fd, chunk, 0, count * PAGE_SIZE, first * PAGE_SIZE);
      for (let i = 0; i < count; i += 1) {
        const number = first + i + 1;
        const page = chunk.subarray(i * PAGE_SIZE, (i + 1) * PAGE_SIZE);
        pageNumber.writeUInt32LE(number);
        const expected = createHmac('sha512', hmacKey)
          .update(page.subarray(number === 1 ? SALT_BYTES : 0, PAGE_SIZE - HMAC_BYTES))
          .update(pageNumber)
          .digest();
        if (timingSafeEqual(expected, page.subarray(PAGE_SIZE - HMAC_BYTES))) continue;
        failed += 1;
        if (failed <= MAX_LISTED) problems.push(`Encrypted page check: HMAC verification failed for page ${number} of ${pages}.`);
      }
    }
    if (failed > MAX_LISTED) problems.push(`Encrypted page check: ${failed - MAX_LISTED} more pages failed HMAC verification.`);
    return problems;
  } finally {
    closeSync(fd);
  }
}
