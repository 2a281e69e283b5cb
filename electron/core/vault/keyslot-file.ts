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
export const SCRYPT_BOUNDS = { minN: 2 ** 14, maxN: 2 ** 20, maxR: 16, maxP: 4 } as const;

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

const slot = z.discriminatedUnion('kind', [
  z.object({
    id: hex(16),
    kind: z.literal('staff'),
    staffId: z.number().int().positive(),
    /** SHA-256 of the file's lookup salt and the username, so usernames are not on disk. */
    lookup: hex(32),
    kdf,
    iv: base64,
    tag: base64,
    wrappedKey: base64,
  }),
  z.object({
    id: hex(16),
    kind: z.literal('recovery'),
    kdf,
    iv: base64,
    tag: base64,
    wrappedKey: base64,
  }),
]);

export const keyslotFile = z.object({
  format: z.literal(KEYSLOT_FORMAT),
  version: z.literal(1),
  lookupSalt: base64,
  slots: z.array(slot).min(1),
});

/**
 * On disk the file also carries a SHA-256 of its content. It is not a secret (GCM already
 * stops tampering with a slot); it turns accidental damage, such as a flipped bit inside
 * one slot, into "the file is damaged" instead of a misleading "wrong password".
 */
export const keyslotFileOnDisk = keyslotFile.extend({ checksum: hex(32) });

export type KeyslotFile = z.infer<typeof keyslotFile>;
export type Slot = KeyslotFile['slots'][number];
export type StaffSlot = Extract<Slot, { kind: 'staff' }>;
