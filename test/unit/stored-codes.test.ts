// One convention for the codes the records store (docs/decisions/0020-stored-codes.md):
// lower-case words joined by hyphens ('initial-review', 'manage-in-school'). The test walks
// every schema of what is stored, so a new enum in an entry body, an incident, a person or a
// pupil is checked without being listed here. Codes from before the convention stay as they
// are: entries are signed and every stored row is hashed into the signed audit (decision
// 0017), so rewriting one would make Verify report the records as altered.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AUDIT_ACTIONS } from '../../shared/domain/audit';
import { SCENARIO_IDS } from '../../shared/practice/scenarios';
import { ENTRY_BODY_SCHEMAS, ENTRY_KINDS } from '../../shared/domain/entries/kinds';
import { exportRequest } from '../../shared/domain/exports';
import { INCIDENT_EVENT_KINDS } from '../../shared/domain/incident-lifecycle';
import { INCIDENT_STATUSES, incidentInput, otherPersonInput, PERSON_ROLES } from '../../shared/domain/incidents';
import { pupilInput } from '../../shared/domain/pupils';
import { SIGNATURE_MEANING_KEYS } from '../../shared/domain/signatures';
import { ROLES } from '../../shared/domain/staff';

const CONVENTION = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A code and where it is stored, e.g. "pupils.sex". */
type StoredCode = { where: string; code: string };

/**
 * Every string an enum or literal in `schema` allows, with the field it sits in. A schema
 * kind this walk does not know fails the test rather than being skipped, so a new wrapper
 * cannot hide codes from it.
 */
function codesIn(schema: z.ZodType, where: string): StoredCode[] {
  if (schema instanceof z.ZodObject) {
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([field, inner]) => codesIn(inner, `${where}.${field}`));
  }
  if (schema instanceof z.ZodEnum) return schema.options.filter((o): o is string => typeof o === 'string').map((code) => ({ where, code }));
  // '' is a field left blank (an optional date or choice), not a code.
  if (schema instanceof z.ZodLiteral) return [...schema.values].filter((v): v is string => typeof v === 'string' && v !== '').map((code) => ({ where, code }));
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).flatMap((option) => codesIn(option, where));
  if (schema instanceof z.ZodArray) return codesIn(schema.element as z.ZodType, where);
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault || schema instanceof z.ZodReadonly) {
    return codesIn(schema.unwrap() as z.ZodType, where);
  }
  if (schema instanceof z.ZodPipe) return [...codesIn(schema.in as z.ZodType, where), ...codesIn(schema.out as z.ZodType, where)];
  if (schema instanceof z.ZodString || schema instanceof z.ZodNumber || schema instanceof z.ZodBoolean || schema instanceof z.ZodNull || schema instanceof z.ZodTransform) return [];
  throw new Error(`${where}: a ${schema.def.type} schema, which this walk does not read; teach it before storing one`);
}

const listed = (where: string, codes: readonly string[]): StoredCode[] => codes.map((code) => ({ where, code }));

/** Everything stored as a code: in entries (signed), in protected rows and in signed audit rows. */
function storedCodes(): StoredCode[] {
  return [
    ...listed('entries.kind', ENTRY_KINDS),
    ...Object.entries(ENTRY_BODY_SCHEMAS).flatMap(([kind, body]) => codesIn(body, `entries.${kind}`)),
    ...listed('signatures.meaning', SIGNATURE_MEANING_KEYS),
    ...codesIn(incidentInput, 'incidents'),
    ...listed('incidents.status', INCIDENT_STATUSES),
    ...listed('incident history', INCIDENT_EVENT_KINDS),
    ...listed('incident_people.roles', PERSON_ROLES),
    ...codesIn(otherPersonInput, 'incident_people.other'),
    ...codesIn(pupilInput, 'pupils'),
    ...listed('staff.roles', ROLES),
    // An action names its area and what happened ('staff.roles-changed'): each part is a code.
    ...Object.keys(AUDIT_ACTIONS).flatMap((action) => listed('audit.action', action.split('.'))),
    // The export's audit row keeps the document's type and the choice about other children.
    ...codesIn(exportRequest, 'audit.details(export)'),
    ...listed('practice_sessions.scenario_id', SCENARIO_IDS),
  ];
}

/**
 * Codes stored before the convention, each only where it already is. They cannot change:
 * entries are signed (their content hash is in the signature), and pupils, incidents and
 * their people are protected rows whose every state is hashed into the signed audit, so a
 * migration rewriting them would read to Verify as an insider's edit. A new field uses the
 * convention, and says "not known" with 'unknown' (as the five points do).
 */
const LEGACY: Record<string, readonly string[]> = {
  // Pupils and incidents: protected rows (decision 0017).
  'pupils.sex': ['not_known'],
  'pupils.yearGroup': ['N', 'R'], // Nursery and Reception, as schools write them.
  'pupils.socialCare': ['not_known'],
  'incidents.media': ['not_known'],
  'incidents.sharing': ['not_known', 'not_shared'],
  'incident_people.other.kind': ['young_person'],
  'incident_people.other.sex': ['not_known'],
  // Entry bodies: signed.
  'entries.disclosure.source': ['young_person'],
  'entries.disclosure.means': ['in_person', 'online_report'],
  'entries.parents.means': ['in_person', 'letter_email', 'pupil_told_them'],
  'entries.viewing-log.sameSex': ['not_known'],
  'entries.viewing-log.staffSupport': ['not_needed', 'not_yet'],
};

const isLegacy = ({ where, code }: StoredCode) => LEGACY[where]?.includes(code) ?? false;

describe('stored codes', () => {
  it('follow the convention (lower-case words joined by hyphens), apart from the legacy codes listed', () => {
    const breaking = storedCodes().filter((c) => !CONVENTION.test(c.code) && !isLegacy(c));
    expect(breaking.map((c) => `${c.where}: '${c.code}'`)).toEqual([]);
  });

  it('list as legacy only codes still stored where the list says', () => {
    const stored = storedCodes();
    const stale = Object.entries(LEGACY).flatMap(([where, codes]) =>
      codes.filter((code) => !stored.some((c) => c.where === where && c.code === code)).map((code) => `${where}: '${code}'`),
    );
    expect(stale).toEqual([]);
  });

  it('reach into every kind of entry and the fields inside its body', () => {
    const places = new Set(storedCodes().map((c) => c.where));
    // One field from a nested object, one from a discriminated union, one from an array of enums.
    expect(places).toContain('entries.initial-review.points.adultInvolved');
    expect(places).toContain('entries.deletion.mode');
    expect(places).toContain('entries.escalation.referTo');
  });

  it('would catch a new code in snake case, or a legacy code in a new place', () => {
    const newBody = z.object({ how: z.enum(['in_person', 'phone']).optional(), sex: z.enum(['female', 'not_known']).default('not_known') });
    const found = codesIn(newBody, 'entries.new-kind').filter((c) => !CONVENTION.test(c.code) && !isLegacy(c));
    expect(found).toEqual([
      { where: 'entries.new-kind.how', code: 'in_person' },
      { where: 'entries.new-kind.sex', code: 'not_known' },
    ]);
  });

  it('refuses to skip a kind of schema it cannot read', () => {
    expect(() => codesIn(z.object({ tags: z.record(z.string(), z.enum(['a_b'])) }), 'entries.x')).toThrow(/record schema/);
  });
});
