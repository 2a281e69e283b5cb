import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

/** Base64 of the raw 32-byte Ed25519 (sign) and X25519 (box) public keys. */
export type PublicKeys = { sign: string; box: string };

/**
 * One person's keys (issue 16): Ed25519 to sign what they write, X25519 so that the data
 * key can be sealed to them without knowing their password (re-keying when someone leaves).
 * The private halves exist in clear only in memory; on disk they are wrapped in that
 * person's key slot.
 */
export type PersonKeys = { publicKeys: PublicKeys; signPrivate: KeyObject; boxPrivate: KeyObject };

/** A value sealed to an X25519 public key: ephemeral X25519 → HKDF-SHA256 → AES-256-GCM. */
export type SealedToKey = { epk: string; iv: string; tag: string; data: string };

// DER prefixes of the fixed-length PKCS#8 and SPKI encodings (RFC 8410): a raw 32-byte key
// appended gives the encoding node:crypto imports, so raw keys never need a JWK detour.
const PKCS8_PREFIX = {
  ed25519: Buffer.from('302e020100300506032b657004220420', 'hex'),
  x25519: Buffer.from('302e020100300506032b656e04220420', 'hex'),
} as const;
const SPKI_PREFIX = {
  ed25519: Buffer.from('302a300506032b6570032100', 'hex'),
  x25519: Buffer.from('302a300506032b656e032100', 'hex'),
} as const;

/** First byte of exportPrivate's bytes: a later layout gets a new number instead of being misread. */
const PRIVATE_LAYOUT = 1;
const PRIVATE_LENGTH = 1 + 32 + 32;
const SEAL_INFO = Buffer.from('ypsi-records sealTo v1');

export function newPersonKeys(): PersonKeys {
  const signPair = generateKeyPairSync('ed25519');
  const boxPair = generateKeyPairSync('x25519');
  return fromPrivate(signPair.privateKey, boxPair.privateKey);
}

export function signBytes(keys: PersonKeys, data: Buffer | string): string {
  return sign(null, toBuffer(data), keys.signPrivate).toString('base64');
}

/** False on a wrong signature and on any malformed key or signature: it never throws. */
export function verifyBytes(publicSign: string, data: Buffer | string, signature: string): boolean {
  try {
    const key = publicKeyFromRaw('ed25519', publicSign);
    const sig = strictBase64(signature, 64);
    if (!key || !sig) return false;
    return verify(null, toBuffer(data), key, sig);
  } catch {
    return false;
  }
}

/**
 * The same check on libuv's thread pool (node:crypto's callback form), so Verify's tens of
 * thousands of signatures use every core and never block the core's thread for long.
 */
export function verifyBytesAsync(publicSign: string, data: Buffer | string, signature: string): Promise<boolean> {
  const key = publicKeyFromRaw('ed25519', publicSign);
  const sig = strictBase64(signature, 64);
  if (!key || !sig) return Promise.resolve(false);
  return new Promise((resolve) => {
    try {
      verify(null, toBuffer(data), key, sig, (error, ok) => resolve(!error && ok));
    } catch {
      resolve(false);
    }
  });
}

/**
 * Seals `plaintext` so that only the holder of `publicBox`'s private key can open it. The
 * AAD is bound in (the caller names what the value is for and whose it is), so a sealed
 * value moved to another place fails to open. Throws only on a malformed public key.
 */
export function sealTo(publicBox: string, plaintext: Buffer, aad: Buffer): SealedToKey {
  const recipient = publicKeyFromRaw('x25519', publicBox);
  if (!recipient) throw new Error('sealTo: not an X25519 public key');
  const ephemeral = generateKeyPairSync('x25519');
  const epk = rawPublic(ephemeral.publicKey);
  const key = sealKey(diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient }), epk, Buffer.from(publicBox, 'base64'));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  key.fill(0);
  return { epk: epk.toString('base64'), iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** Null when the keys are not the recipient's, or anything sealed (or the AAD) was altered. */
export function openSealed(keys: PersonKeys, sealed: SealedToKey, aad: Buffer): Buffer | null {
  try {
    const epk = strictBase64(sealed.epk, 32);
    const iv = strictBase64(sealed.iv, 12);
    const tag = strictBase64(sealed.tag, 16);
    const ephemeral = publicKeyFromRaw('x25519', sealed.epk);
    if (!epk || !iv || !tag || !ephemeral) return null;
    const key = sealKey(
      diffieHellman({ privateKey: keys.boxPrivate, publicKey: ephemeral }),
      epk,
      Buffer.from(keys.publicKeys.box, 'base64'),
    );
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    key.fill(0);
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

/** Both private keys as 65 bytes (layout byte, Ed25519 seed, X25519 scalar): what a key slot wraps. */
export function exportPrivate(keys: PersonKeys): Buffer {
  return Buffer.concat([
    Buffer.from([PRIVATE_LAYOUT]),
    rawPrivate(keys.signPrivate, 'ed25519'),
    rawPrivate(keys.boxPrivate, 'x25519'),
  ]);
}

/** The keys back from exportPrivate's bytes; null for anything else. The public keys are derived, never read. */
export function importPrivate(bytes: Buffer): PersonKeys | null {
  if (bytes.length !== PRIVATE_LENGTH || bytes[0] !== PRIVATE_LAYOUT) return null;
  try {
    const signPrivate = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX.ed25519, bytes.subarray(1, 33)]), format: 'der', type: 'pkcs8' });
    const boxPrivate = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX.x25519, bytes.subarray(33, 65)]), format: 'der', type: 'pkcs8' });
    return fromPrivate(signPrivate, boxPrivate);
  } catch {
    return null;
  }
}

/** Whether two sets of public keys are the same keys. */
export function samePublicKeys(a: PublicKeys, b: PublicKeys): boolean {
  return a.sign === b.sign && a.box === b.box;
}

function fromPrivate(signPrivate: KeyObject, boxPrivate: KeyObject): PersonKeys {
  return {
    publicKeys: {
      sign: rawPublic(createPublicKey(signPrivate)).toString('base64'),
      box: rawPublic(createPublicKey(boxPrivate)).toString('base64'),
    },
    signPrivate,
    boxPrivate,
  };
}

// The shared secret is hashed with both public keys (as in HPKE's key schedule), so the
// AES key is bound to this exchange and not only to the raw Diffie-Hellman output.
function sealKey(shared: Buffer, epk: Buffer, recipient: Buffer): Buffer {
  if (shared.every((b) => b === 0)) throw new Error('sealTo: low-order public key');
  const key = Buffer.from(hkdfSync('sha256', shared, Buffer.concat([epk, recipient]), SEAL_INFO, 32));
  shared.fill(0);
  return key;
}

function rawPublic(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'spki' }).subarray(-32);
}

function rawPrivate(key: KeyObject, type: 'ed25519' | 'x25519'): Buffer {
  if (key.asymmetricKeyType !== type) throw new Error(`exportPrivate: not an ${type} private key`);
  return key.export({ format: 'der', type: 'pkcs8' }).subarray(-32);
}

/** Public keys are few (one per person and key change) and checked thousands of times by Verify. */
const publicKeyCache = new Map<string, KeyObject>();
const PUBLIC_KEY_CACHE_SIZE = 512;

function publicKeyFromRaw(type: 'ed25519' | 'x25519', base64: string): KeyObject | null {
  const cacheKey = `${type}:${base64}`;
  const cached = publicKeyCache.get(cacheKey);
  if (cached) return cached;
  const raw = strictBase64(base64, 32);
  if (!raw) return null;
  const key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX[type], raw]), format: 'der', type: 'spki' });
  if (publicKeyCache.size >= PUBLIC_KEY_CACHE_SIZE) publicKeyCache.clear();
  publicKeyCache.set(cacheKey, key);
  return key;
}

/** The bytes of canonical base64 of exactly `length` bytes, or null (Buffer.from alone accepts junk). */
function strictBase64(text: unknown, length: number): Buffer | null {
  if (typeof text !== 'string') return null;
  const bytes = Buffer.from(text, 'base64');
  return bytes.length === length && bytes.toString('base64') === text ? bytes : null;
}

function toBuffer(data: Buffer | string): Buffer {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}
