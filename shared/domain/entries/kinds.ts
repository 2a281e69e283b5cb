import { z } from 'zod';
import { dateField, timeField } from '../dates';
import type { SignatureMeaning } from '../signatures';
import { viewingLogBody, type ViewingLogBody, VIEWING_REASON_LABELS } from './viewing-log';

export type Signer = { id: number; roles: readonly string[] };

/** Everything the app knows about one kind of entry, beside its body's schema. */
export type EntryKindDefinition<Body> = {
  label: string;
  /** Which meanings a signature on this kind may carry. */
  meanings: readonly SignatureMeaning[];
  /** Null when `signer` may sign with `meaning`; otherwise the reason, in words for the user. */
  mayNotSign(meaning: SignatureMeaning, body: Body, signer: Signer): string | null;
  /** The signatures a complete record of this kind needs, and from whom (a staff id, or any holder of a role). */
  requiredSignatures(body: Body): { meaning: SignatureMeaning; staffId?: number; role?: string }[];
  /** One line for lists and chronologies. Never more than the facts the entry holds. */
  summary(body: Body): string;
};

const viewingLog: EntryKindDefinition<ViewingLogBody> = {
  label: 'Viewing of the imagery',
  meanings: ['viewed-accurate', 'present-accurate'],
  mayNotSign(meaning, body, signer) {
    if (meaning === 'viewed-accurate' && signer.id !== body.viewerStaffId) {
      return 'Only the member of staff recorded as having viewed the imagery can sign for viewing it.';
    }
    if (meaning === 'present-accurate' && signer.id !== body.presentStaffId) {
      return 'Only the member of staff recorded as present can sign as present.';
    }
    return null;
  },
  requiredSignatures(body) {
    const required: { meaning: SignatureMeaning; staffId?: number }[] = [{ meaning: 'viewed-accurate', staffId: body.viewerStaffId }];
    if (body.presentStaffId !== 'none') required.push({ meaning: 'present-accurate', staffId: body.presentStaffId });
    return required;
  },
  summary(body) {
    const reason = VIEWING_REASON_LABELS[body.reason].split(':')[0] ?? '';
    return `Imagery viewed at ${body.place}. Reason: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}.`;
  },
};

/** Each kind's body schema; the contract builds its union from this. */
export const ENTRY_BODY_SCHEMAS = {
  'viewing-log': viewingLogBody,
} as const;

export type EntryKind = keyof typeof ENTRY_BODY_SCHEMAS;
export const ENTRY_KINDS = Object.keys(ENTRY_BODY_SCHEMAS) as [EntryKind, ...EntryKind[]];
export type EntryBody<K extends EntryKind> = z.output<(typeof ENTRY_BODY_SCHEMAS)[K]>;

export const ENTRY_KIND_DEFINITIONS: { [K in EntryKind]: EntryKindDefinition<EntryBody<K>> } = {
  'viewing-log': viewingLog,
};

/** When something happened, on the school's clock. Every entry has one. */
export const entryTiming = z.object({
  occurredOn: dateField('Enter the date it happened'),
  occurredTime: timeField('Enter the time it happened'),
});

function entryOf<K extends EntryKind>(kind: K) {
  return z.object({ kind: z.literal(kind), body: ENTRY_BODY_SCHEMAS[kind] });
}

/** A kind and its body, checked together: the body must be valid for that kind. */
export const entryContent = z.discriminatedUnion('kind', [entryOf('viewing-log')]);
export type EntryContent = z.output<typeof entryContent>;

/**
 * Looks up a kind's definition for a body already validated against that kind's schema
 * (as every stored body is). Typed loosely because the caller holds the kind as a value.
 */
export function definitionOf(kind: EntryKind): EntryKindDefinition<Record<string, unknown>> {
  // Method parameters are bivariant, so each kind's definition is accepted as the loose type.
  return ENTRY_KIND_DEFINITIONS[kind];
}
