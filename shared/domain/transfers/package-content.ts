import { z } from 'zod';
import { OTHER_ENTRIES_CHOICES } from '../exports';
import { PERSON_ROLES } from '../incidents';
import { pupilInput } from '../pupils';
import { entryVersion } from '../read-models/entry-version';
import { incidentEvent } from '../read-models/incident-history';
import { incidentRecord } from '../read-models/incident-summary';

/** What the content inside a transfer package calls itself, so nothing else is read as one. */
export const PACKAGE_CONTENT_FORMAT = 'ypsi-records-transfer-content';
export const PACKAGE_CONTENT_VERSION = 1;

/**
 * Someone on an incident as the package carries them (issue 20): the pupil whose file it is
 * and any child the sending DSL chose to name by name, every other child by a label ("Pupil
 * A"), adults by name. The id is the sending school's incident_people id, which entry bodies
 * use to say whom an entry is about. Not hashed by any signature, so it may be redacted.
 */
export const packagePerson = z.object({
  id: z.number().int(),
  /** The name or the label this file gives them. */
  name: z.string(),
  /** Whether `name` is a label standing for a child's name the sending school withheld. */
  withheld: z.boolean(),
  /** The pupil whose file this is. */
  subject: z.boolean(),
  /** "Year 9", "Not on roll, Fictional High", "Parent or carer": who they are, in words. */
  description: z.string(),
  roles: z.array(z.enum(PERSON_ROLES)),
  /** Set when they were removed from the incident as added in error. */
  removal: z.object({ at: z.string(), reason: z.string() }).nullable(),
});

/** One incident as the package carries it: its facts, people, every entry version whole, and its history. */
const packageIncident = z.object({
  incident: incidentRecord,
  people: z.array(packagePerson),
  entries: z.array(entryVersion),
  history: z.array(incidentEvent),
  police: z.object({ involved: z.boolean(), words: z.string() }),
});

/** Base64 of exactly 32 or 64 bytes (43 or 86 characters and their padding). */
const base64Of = (bytes: 32 | 64) => z.string().regex(bytes === 32 ? /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/ : /^[A-Za-z0-9+/]{85}[AQgw]==$/);

/** Everything the sending DSL's signature vouches for. */
export const packageContent = z.object({
  format: z.literal(PACKAGE_CONTENT_FORMAT),
  version: z.literal(PACKAGE_CONTENT_VERSION),
  packageId: z.string().regex(/^[0-9a-f]{32}$/),
  sentAt: z.string(),
  sendingSchool: z.string(),
  sendingDsl: z.object({ name: z.string(), publicKey: base64Of(32) }),
  /** The pupil's details as the sending school held them (their id there is not carried). */
  pupil: pupilInput.extend({ leftOn: z.string().nullable() }),
  /** Whether entries about other children only were left out, as the pupil file leaves them out. */
  otherEntries: z.enum(OTHER_ENTRIES_CHOICES),
  incidents: z.array(packageIncident),
  /** 32 random bytes from which the receipt code is made: only an opener of the package has them. */
  receiptSecret: base64Of(32),
});

/** The package's plaintext: the content and the sending DSL's Ed25519 signature over its canonical JSON. */
export const signedPackageContent = z.object({ content: packageContent, signature: base64Of(64) });

export type PackagePerson = z.output<typeof packagePerson>;
export type PackageContent = z.output<typeof packageContent>;
export type SignedPackageContent = z.output<typeof signedPackageContent>;
