// Issue 16, item 1: each person's own Ed25519 signing key and X25519 sealing key. What a
// user would notice: a signature made by one person verifies as theirs and fails for any
// altered byte or anyone else's key; a data key sealed to one person opens only for them.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  exportPrivate,
  importPrivate,
  newPersonKeys,
  openSealed,
  sealTo,
  signBytes,
  verifyBytes,
} from '../../electron/core/vault/person-keys';

const alice = newPersonKeys();
const bob = newPersonKeys();

/** The base64 text with one bit flipped in its decoded bytes. */
function flip(base64: string, byte = 0): string {
  const bytes = Buffer.from(base64, 'base64');
  bytes[byte]! ^= 0x01;
  return bytes.toString('base64');
}

describe('per-person keys', () => {
  it('gives each person raw 32-byte public keys, different for everyone', () => {
    expect(Buffer.from(alice.publicKeys.sign, 'base64')).toHaveLength(32);
    expect(Buffer.from(alice.publicKeys.box, 'base64')).toHaveLength(32);
    expect(alice.publicKeys.sign).not.toBe(bob.publicKeys.sign);
    expect(alice.publicKeys.box).not.toBe(bob.publicKeys.box);
  });

  it('exports both private keys and imports them back as the same person', () => {
    const bytes = exportPrivate(alice);
    const back = importPrivate(bytes);
    expect(back?.publicKeys).toEqual(alice.publicKeys);
    // What the imported keys sign, the original public key verifies.
    expect(verifyBytes(alice.publicKeys.sign, 'entry 7', signBytes(back!, 'entry 7'))).toBe(true);
  });

  it('refuses to import bytes that are not an export', () => {
    expect(importPrivate(Buffer.alloc(0))).toBeNull();
    expect(importPrivate(randomBytes(64))).toBeNull();
    const wrongLayout = exportPrivate(alice);
    wrongLayout[0] = 9;
    expect(importPrivate(wrongLayout)).toBeNull();
  });
});

describe('signatures', () => {
  const data = Buffer.from('{"entry":42,"body":"Pupil seemed withdrawn at break."}');
  const signature = signBytes(alice, data);

  it('verify for the signer over the exact bytes, as text or buffer', () => {
    expect(verifyBytes(alice.publicKeys.sign, data, signature)).toBe(true);
    expect(verifyBytes(alice.publicKeys.sign, data.toString('utf8'), signature)).toBe(true);
  });

  it('fail on altered data', () => {
    expect(verifyBytes(alice.publicKeys.sign, Buffer.from(data.toString().replace('42', '43')), signature)).toBe(false);
  });

  it('fail under anyone else\'s key, and with an altered signature', () => {
    expect(verifyBytes(bob.publicKeys.sign, data, signature)).toBe(false);
    expect(verifyBytes(alice.publicKeys.sign, data, flip(signature, 10))).toBe(false);
  });

  it('answer false, never throw, on malformed keys or signatures', () => {
    for (const key of ['', 'not base64!', Buffer.alloc(31).toString('base64'), alice.publicKeys.box.replace(/=$/, '')]) {
      expect(verifyBytes(key, data, signature)).toBe(false);
    }
    for (const sig of ['', '%%%', signature.slice(0, 40), `${signature}AA`]) {
      expect(verifyBytes(alice.publicKeys.sign, data, sig)).toBe(false);
    }
    expect(verifyBytes(undefined as unknown as string, data, signature)).toBe(false);
  });
});

describe('sealing to a person', () => {
  const secret = randomBytes(32);
  const aad = Buffer.from('slot 1');

  it('opens for the recipient with the same AAD', () => {
    const sealed = sealTo(alice.publicKeys.box, secret, aad);
    expect(openSealed(alice, sealed, aad)?.equals(secret)).toBe(true);
  });

  it('gives null for anyone else, another AAD, or any altered part', () => {
    const sealed = sealTo(alice.publicKeys.box, secret, aad);
    expect(openSealed(bob, sealed, aad)).toBeNull();
    expect(openSealed(alice, sealed, Buffer.from('slot 2'))).toBeNull();
    for (const part of ['epk', 'iv', 'tag', 'data'] as const) {
      expect(openSealed(alice, { ...sealed, [part]: flip(sealed[part]) }, aad), part).toBeNull();
    }
    expect(openSealed(alice, { ...sealed, epk: 'short' }, aad)).toBeNull();
  });

  it('seals afresh each time (a new ephemeral key), so two seals of one key do not match', () => {
    const one = sealTo(alice.publicKeys.box, secret, aad);
    const two = sealTo(alice.publicKeys.box, secret, aad);
    expect(one.epk).not.toBe(two.epk);
    expect(one.data).not.toBe(two.data);
  });

  it('refuses a malformed or all-zero public key', () => {
    expect(() => sealTo('nope', secret, aad)).toThrow();
    expect(() => sealTo(Buffer.alloc(32).toString('base64'), secret, aad)).toThrow();
  });
});
