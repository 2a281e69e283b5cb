import { z } from 'zod';

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);
const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`));

export const KEYSLOT_FORMAT = 'ypsi-records-keyslots';

/**
 * The bounds on scrypt's cost read from the file. The file is not secret and anyone with
 * the folder can edit it (and recompute its checksum), so without an upper bound one edit
 * would make every sign-in try to allocate gigabytes or run for hours. Anything outside
 * these bounds is not something this app wrote: the file is refused as damaged at once,
 * before scrypt runs. N = 2^20, r = 16 is 2 GiB at most, far above the 2^17 the app uses.
 */
const SCRYPT_BOUNDS = { minN: 2 ** 14, maxN: 2 ** 20, maxR: 16, maxP: 4 } as const;

const kdf = z.object({
  name: z.literal('scrypt'),
  N: z
    .number()
    .int()
    .min(SCRYPT_BOUNDS.minN)
    .max(SCRYPT_BOUNDS.maxN)
    // scrypt needs a power of two; anything else would fail only later, inside scrypt.
    .refine((n) => (n & (n - 1)) === 0, 'N must be a power of two'),
  r: z.number().int().min(1).max(SCRYPT_BOUNDS.maxR),
  p: z.number().int().min(1).max(SCRYPT_BOUNDS.maxP),
  salt: base64,
});

const publicKeys = z.object({ sign: base64, box: base64 });
const sealedToKey = z.object({ epk: base64, iv: base64, tag: base64, data: base64 });

/**
 * Version 1 slots (app 0.1.x): the data key itself wrapped under the password. Still read,
 * and upgraded to version 2 at their owner's next sign-in; kept verbatim until then.
 */
const v1Staff = z.object({
  id: hex(16),
  kind: z.literal('staff'),
  staffId: z.number().int().positive(),
  /** SHA-256 of the file's lookup salt and the username, so usernames are not on disk. */
  lookup: hex(32),
  kdf,
  iv: base64,
  tag: base64,
  wrappedKey: base64,
});
const v1Recovery = z.object({ id: hex(16), kind: z.literal('recovery'), kdf, iv: base64, tag: base64, wrappedKey: base64 });

/**
 * Version 2 slots (issue 16): the password (or recovery code) wraps only this slot's own
 * private keys (`wrappedSecrets`); the data key is sealed to the slot's X25519 public key, so
 * it can be re-sealed to every remaining slot without anyone's password when someone leaves.
 * `nextDataKey` exists only between stageDataKey and commitDataKey/abandonDataKey.
 */
const v2Fields = {
  id: hex(16),
  kdf,
  iv: base64,
  tag: base64,
  wrappedSecrets: base64,
  publicKeys,
  dataKey: sealedToKey,
  nextDataKey: sealedToKey.optional(),
};
const v2Staff = z.object({ ...v2Fields, kind: z.literal('staff'), staffId: z.number().int().positive(), lookup: hex(32) });
const v2Recovery = z.object({ ...v2Fields, kind: z.literal('recovery') });

// Strict, so that a slot is one version or the other and never silently loses fields.
const slot = z.union([v1Staff.strict(), v1Recovery.strict(), v2Staff.strict(), v2Recovery.strict()]);

const fileFields = { format: z.literal(KEYSLOT_FORMAT), lookupSalt: base64, slots: z.array(slot).min(1) };

/**
 * Version 2 files may hold version 1 slots (until their owners next sign in) and the
 * `anchor`, an opaque JSON object another part of the core defines, stored verbatim.
 * Version 1 files hold only version 1 slots and no anchor; every write makes a version 2 file.
 */
export const keyslotFile = z.union([
  z.object({ ...fileFields, version: z.literal(1), slots: z.array(z.union([v1Staff.strict(), v1Recovery.strict()])).min(1) }).strict(),
  z.object({ ...fileFields, version: z.literal(2), anchor: z.record(z.string(), z.unknown()).optional() }).strict(),
]);

/**
 * On disk the file also carries a SHA-256 of its content. It is not a secret (GCM already
 * stops tampering with a slot); it turns accidental damage, such as a flipped bit inside
 * one slot, into "the file is damaged" instead of a misleading "wrong password".
 */
export const checksumField = z.object({ checksum: hex(32) });

/** Only the slots' costs, to say apart "a cost out of bounds" from other damage. */
export const slotCosts = z.object({ slots: z.array(z.object({ kdf: z.unknown() })) });
export { kdf as kdfSchema };

export type KeyslotFile = z.infer<typeof keyslotFile>;
export type Slot = z.infer<typeof slot>;
export type V1Slot = z.infer<typeof v1Staff> | z.infer<typeof v1Recovery>;
export type V2Slot = z.infer<typeof v2Staff> | z.infer<typeof v2Recovery>;
export type StaffSlot = Extract<Slot, { kind: 'staff' }>;

export function isV2(slot: Slot): slot is V2Slot {
  return 'wrappedSecrets' in slot;
}
