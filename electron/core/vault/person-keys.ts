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

export type PublicKeys = { sign: string; box: string };
export type PersonKeys = { publicKeys: PublicKeys; signPrivate: KeyObject; boxPrivate: KeyObject };
export type SealedToKey = { epk: string; iv: string; tag: string; data: string };

function rawPublic(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('Not an OKP key');
  return Buffer.from(jwk.x, 'base64url').toString('base64');
}

function publicFromRaw(raw: string, crv: 'Ed25519' | 'X25519'): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv, x: Buffer.from(raw, 'base64').toString('base64url') }, format: 'jwk' });
}

function keysFrom(signPrivate: KeyObject, boxPrivate: KeyObject): PersonKeys {
  return { signPrivate, boxPrivate, publicKeys: { sign: rawPublic(createPublicKey(signPrivate)), box: rawPublic(createPublicKey(boxPrivate)) } };
}

export function newPersonKeys(): PersonKeys {
  return keysFrom(generateKeyPairSync('ed25519').privateKey, generateKeyPairSync('x25519').privateKey);
}

export function signBytes(keys: PersonKeys, data: Buffer | string): string {
  return sign(null, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, keys.signPrivate).toString('base64');
}

export function verifyBytes(publicSign: string, data: Buffer | string, signature: string): boolean {
  try {
    return verify(null, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, publicFromRaw(publicSign, 'Ed25519'), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

function boxKey(shared: Buffer, epk: string, recipient: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.from(`${epk}|${recipient}`), 'ypsi-records sealed key', 32));
}

export function sealTo(publicBox: string, plaintext: Buffer, aad: Buffer): SealedToKey {
  const ephemeral = generateKeyPairSync('x25519');
  const epk = rawPublic(ephemeral.publicKey);
  const key = boxKey(diffieHellman({ privateKey: ephemeral.privateKey, publicKey: publicFromRaw(publicBox, 'X25519') }), epk, publicBox);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  key.fill(0);
  return { epk, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

export function openSealed(keys: PersonKeys, sealed: SealedToKey, aad: Buffer): Buffer | null {
  try {
    const key = boxKey(diffieHellman({ privateKey: keys.boxPrivate, publicKey: publicFromRaw(sealed.epk, 'X25519') }), sealed.epk, keys.publicKeys.box);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(aad);
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
    key.fill(0);
    return plain;
  } catch {
    return null;
  }
}

export function exportPrivate(keys: PersonKeys): Buffer {
  const der = (key: KeyObject) => key.export({ format: 'der', type: 'pkcs8' }).toString('base64');
  return Buffer.from(JSON.stringify({ sign: der(keys.signPrivate), box: der(keys.boxPrivate) }), 'utf8');
}

export function importPrivate(bytes: Buffer): PersonKeys | null {
  try {
    const parsed: unknown = JSON.parse(bytes.toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || !('sign' in parsed) || !('box' in parsed)) return null;
    const { sign: s, box: b } = parsed;
    if (typeof s !== 'string' || typeof b !== 'string') return null;
    const load = (der: string) => createPrivateKey({ key: Buffer.from(der, 'base64'), format: 'der', type: 'pkcs8' });
    return keysFrom(load(s), load(b));
  } catch {
    return null;
  }
}
