import { z } from 'zod';
import { pupilSummary } from '../domain/read-models/pupil-summary';
import { entryVersion } from '../domain/read-models/entry-version';
import { incidentEvent } from '../domain/read-models/incident-history';
import { incidentRecord } from '../domain/read-models/incident-summary';
import { packagePerson } from '../domain/transfers/package-content';
import { newPassphrase } from '../domain/transfers/passphrase';
import type { Spec } from './spec';

/** Child-protection files go between DSLs: the DSL and deputy DSLs make, open and read them. */
const dsls = { roles: ['dsl', 'deputy'] } as const;
const id = z.number().int().positive();

const passphraseTyped = z.string().min(1, 'Enter the passphrase the sending school gave you').max(1000);

/** What the receiving DSL sees before choosing where the file goes. */
const receivedPreview = z.object({
  sendingSchool: z.string(),
  sendingDslName: z.string(),
  sentAt: z.string(),
  pupil: z.object({ firstName: z.string(), lastName: z.string(), dateOfBirth: z.string() }),
  incidentCount: z.number().int(),
  entryCount: z.number().int(),
  signatureCount: z.number().int(),
  /** Signatures whose content hash matches the entry version as it came. */
  signaturesVerified: z.number().int(),
  packageSignatureVerified: z.boolean(),
  fingerprint: z.string(),
});

const signatureView = z.object({
  signerName: z.string(),
  signerRole: z.string(),
  meaning: entryVersion.shape.signatures.element.shape.meaning,
  signedAt: z.string(),
  verified: z.boolean(),
});

const receivedEntry = entryVersion.pick({ id: true, entryKey: true, kind: true, version: true, occurredAt: true, recordedAt: true, authorName: true, summary: true, amendmentReason: true, latest: true }).extend({
  /** The version's own content hash matches what it says. */
  hashMatches: z.boolean(),
  /** What it records, question by question (shared/forms/entry-details.ts), or null when its body no longer reads as its kind. */
  details: z.object({ rows: z.array(z.object({ label: z.string(), value: z.string() })), warnings: z.array(z.string()) }).nullable(),
  signatures: z.array(signatureView),
});

const receivedFileView = z.object({
  id: z.number().int(),
  pupilId: z.number().int(),
  preview: receivedPreview,
  importedAt: z.string(),
  importedByName: z.string(),
  receiptCode: z.string(),
  incidents: z.array(
    z.object({
      incident: incidentRecord,
      people: z.array(packagePerson),
      entries: z.array(receivedEntry),
      history: z.array(incidentEvent),
    }),
  ),
});

const receivedFileLine = z.object({ id: z.number().int(), pupilId: z.number().int(), pupilName: z.string(), sendingSchool: z.string(), sentAt: z.string(), importedAt: z.string() });

/** Issue 20 item 2: the encrypted transfer package, made at one school and received at another. */
export const transferPackageChannels = {
  'transfers.makePackage': {
    access: dsls,
    input: z.object({ transferId: id, passphrase: newPassphrase, currentPassword: z.string().min(1, 'Enter your password').max(1024) }).strict(),
    output: z.discriminatedUnion('saved', [
      z.object({ saved: z.literal(true), fileName: z.string(), bytes: z.number().int(), fingerprint: z.string() }),
      z.object({ saved: z.literal(false) }),
    ]),
  },
  'receivedFiles.open': {
    access: dsls,
    input: z.object({ passphrase: passphraseTyped }).strict(),
    output: z.discriminatedUnion('opened', [
      z.object({ opened: z.literal(true), token: z.string(), preview: receivedPreview, matches: z.array(pupilSummary) }),
      /** The open dialog was cancelled. */
      z.object({ opened: z.literal(false) }),
    ]),
  },
  'receivedFiles.import': {
    access: dsls,
    input: z.union([z.object({ token: z.string().min(1).max(100), pupilId: id }).strict(), z.object({ token: z.string().min(1).max(100), newPupil: z.literal(true) }).strict()]),
    output: z.object({ receivedFileId: z.number().int(), pupilId: z.number().int(), receiptCode: z.string() }),
  },
  'receivedFiles.get': {
    access: dsls,
    input: z.object({ receivedFileId: id }).strict(),
    output: receivedFileView,
  },
  'receivedFiles.list': {
    access: dsls,
    input: z.object({ pupilId: id.optional() }).strict(),
    output: z.array(receivedFileLine),
  },
} as const satisfies Record<string, Spec>;

export type ReceivedPreview = z.output<typeof receivedPreview>;
