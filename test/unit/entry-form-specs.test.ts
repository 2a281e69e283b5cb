// The data-driven entry forms (shared/forms) ask exactly what each
// kind's body schema holds: every field a real path in the schema, every schema field
// asked, every choice one the schema accepts; and the form's check gives each missing
// answer its own message, ignoring the questions that are not being asked.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ENTRY_BODY_SCHEMAS, ENTRY_KINDS, type EntryKind } from '../../shared/domain/entries/kinds';
import { checkDraft, emptyDraft, setPath, specFields, standInAnswer, type BodyDraft } from '../../shared/forms/field-spec';
import { ENTRY_FORM_SPECS } from '../../shared/forms/specs';

const BESPOKE: readonly EntryKind[] = ['initial-review', 'viewing-log'];

/** Defaults, optionals and nullables hide the schema that says what a value may be. */
function unwrap(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return unwrap(schema.unwrap() as z.ZodType);
  return schema;
}

/** The object shapes a schema may take: one, or one per branch of a union. */
function shapesOf(schema: z.ZodType): Record<string, z.ZodType>[] {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject) return [inner.shape];
  if (inner instanceof z.ZodDiscriminatedUnion || inner instanceof z.ZodUnion) return (inner.options as z.ZodType[]).flatMap(shapesOf);
  return [];
}

/** Every schema found at a dotted path, across the branches of any union on the way. */
function schemasAt(schema: z.ZodType, path: string): z.ZodType[] {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  return shapesOf(schema).flatMap((shape) => {
    const child = shape[head];
    if (!child) return [];
    return rest.length === 0 ? [child] : schemasAt(child, rest.join('.'));
  });
}

/** Every leaf path a schema holds (objects nested inside it walked too). */
function leafPaths(schema: z.ZodType, prefix = ''): string[] {
  const paths = new Set<string>();
  for (const shape of shapesOf(schema)) {
    for (const [key, child] of Object.entries(shape)) {
      const path = `${prefix}${key}`;
      const nested = shapesOf(child);
      if (nested.length > 0) leafPaths(child, `${path}.`).forEach((p) => paths.add(p));
      else paths.add(path);
    }
  }
  return [...paths];
}

const specKinds = ENTRY_KINDS.filter((k) => !BESPOKE.includes(k));

describe('entry form specs', () => {
  it('has a spec for every kind except the two bespoke forms', () => {
    expect(Object.keys(ENTRY_FORM_SPECS).sort()).toEqual([...specKinds].sort());
    for (const kind of BESPOKE) expect(ENTRY_FORM_SPECS[kind]).toBeUndefined();
  });

  describe.each(specKinds)('%s', (kind) => {
    const spec = ENTRY_FORM_SPECS[kind] ?? [];
    const schema = ENTRY_BODY_SCHEMAS[kind] as z.ZodType;
    const fields = specFields(spec);

    it.each(fields.map((f) => [f.name, f] as const))('field %s is a real path in the schema', (_name, field) => {
      expect(schemasAt(schema, field.name).length, `${kind}: ${field.name}`).toBeGreaterThan(0);
    });

    it('asks every field the schema holds, each once, each with a label', () => {
      const names = fields.map((f) => f.name);
      expect(new Set(names).size, 'no field asked twice').toBe(names.length);
      expect([...names].sort()).toEqual(leafPaths(schema).sort());
      for (const field of fields) expect(field.label.trim(), field.name).not.toBe('');
    });

    it.each(fields.filter((f) => f.options !== undefined).map((f) => [f.name, f] as const))('offers only choices the schema accepts for %s', (_name, field) => {
      const candidates = schemasAt(schema, field.name);
      for (const option of field.options ?? []) {
        const value = field.type === 'checkboxes' ? [option.value] : option.value;
        expect(candidates.some((c) => c.safeParse(value).success), `${kind}.${field.name} = ${option.value}`).toBe(true);
        expect(option.label.trim()).not.toBe('');
      }
    });

    it.each(fields.map((f) => [f.name, f] as const))('uses a control that fits %s', (_name, field) => {
      // The stand-in answer has the control's type: text, a date, a boolean, a person id, a choice.
      const candidates = schemasAt(schema, field.name);
      expect(candidates.some((c) => c.safeParse(standInAnswer(field)).success), `${kind}.${field.name} as ${field.type}`).toBe(true);
    });

    it('rejects an empty form with a message on a question that is on screen', () => {
      const result = checkDraft(kind, spec, { occurredOn: '', occurredTime: '' }, emptyDraft(spec));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors.occurredOn).toBe('Enter the date it happened');
      expect(result.errors.occurredTime).toBe('Enter the time it happened');
      const onScreen = new Set(fields.filter((f) => !f.showIf || f.showIf(emptyDraft(spec))).map((f) => `body.${f.name}`));
      for (const key of Object.keys(result.errors).filter((k) => k.startsWith('body.'))) expect(onScreen.has(key), key).toBe(true);
    });
  });
});

const timing = { occurredOn: '2026-11-20', occurredTime: '10:15' };
const spec = (kind: EntryKind) => ENTRY_FORM_SPECS[kind] ?? [];
const fill = (kind: EntryKind, answers: BodyDraft): BodyDraft => Object.entries(answers).reduce((d, [k, v]) => setPath(d, k, v), emptyDraft(spec(kind)));
const errorKeys = (kind: EntryKind, answers: BodyDraft): string[] => {
  const result = checkDraft(kind, spec(kind), timing, fill(kind, answers));
  return result.ok ? [] : Object.keys(result.errors).sort();
};

describe('checking a draft', () => {
  it('names the pupil as missing even before "told or not" is answered', () => {
    expect(errorKeys('parents', {})).toEqual(['body.informed', 'body.pupilPersonId']);
  });

  it('asks for each answer of the branch chosen, and only that branch', () => {
    expect(errorKeys('parents', { informed: 'yes' })).toEqual(['body.means', 'body.pupilPersonId', 'body.toldBy', 'body.whoWasTold']);
    expect(errorKeys('parents', { informed: 'no', pupilPersonId: 3 })).toEqual(['body.decidedBy', 'body.reasons']);
    expect(errorKeys('deletion', {})).toEqual(['body.mode']);
    expect(errorKeys('deletion', { mode: 'pupils-asked' })).toEqual(['body.deadline', 'body.pupils', 'body.toldOfLaw', 'body.where']);
    expect(errorKeys('deletion', { mode: 'staff-search' })).toEqual(['body.action', 'body.authorisedBy', 'body.devices', 'body.found', 'body.searchedBy', 'body.why']);
  });

  it('reports the conditional answers in the same pass as the missing ones', () => {
    expect(errorKeys('device', { outcome: 'handed-to-police' })).toEqual([
      'body.confiscatedBy',
      'body.description',
      'body.handedOverOn',
      'body.handedToOfficer',
      'body.owner',
      'body.storedWhere',
      'body.switchedOff',
    ]);
    expect(errorKeys('device', { outcome: 'held' })).not.toContain('body.handedToOfficer');
    expect(errorKeys('social-care', { referralMade: 'yes' })).toEqual(['body.alreadyInvolved', 'body.contact', 'body.target']);
    expect(errorKeys('social-care', { alreadyInvolved: 'no', referralMade: 'no' })).toEqual([]);
    expect(errorKeys('escalation', {})).toEqual(['body.reasons', 'body.referTo']);
  });

  it('never asks for an answer that depends on a choice not yet made', () => {
    // "Who did you speak to?" is needed only once a referral is made; nothing is chosen yet.
    expect(errorKeys('social-care', {})).toEqual(['body.alreadyInvolved', 'body.referralMade']);
    expect(errorKeys('device', { description: 'Phone' })).toEqual(['body.confiscatedBy', 'body.outcome', 'body.owner', 'body.storedWhere', 'body.switchedOff']);
  });

  it('drops the answers to questions no longer asked', () => {
    const draft = fill('parents', { pupilPersonId: 4, informed: 'no', whoWasTold: 'Mother', reasons: 'Risk at home', decidedBy: 'Social worker' });
    const result = checkDraft('parents', spec('parents'), timing, draft);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.body).toEqual({ pupilPersonId: 4, informed: 'no', reasons: 'Risk at home', decidedBy: 'Social worker', notes: '' });
    const device = checkDraft('device', spec('device'), timing, fill('device', { description: 'Phone', owner: 'A', confiscatedBy: 'B', switchedOff: 'yes', storedWhere: 'Safe', outcome: 'held', handedToOfficer: 'PC 1' }));
    expect(device.ok && device.value.body.handedToOfficer).toBe('');
  });

  it('accepts a complete form', () => {
    const answers: BodyDraft = { source: 'friend', toldTo: 'Form tutor', means: 'in_person', whatWasSaid: 'She sent him a photo.' };
    expect(checkDraft('disclosure', spec('disclosure'), timing, fill('disclosure', answers)).ok).toBe(true);
  });
});
