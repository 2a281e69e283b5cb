// What counts as unsaved typing (renderer/src/components/unsaved-changes.ts): the guard asks
// before leaving only while some form's draft differs from how it started or was saved.
import { describe, expect, it } from 'vitest';
import { draftKey, UnsavedRegistry } from '../../renderer/src/components/unsaved-changes';

describe('draftKey', () => {
  it('sees a box typed in and emptied again, or choices ticked and unticked, as no change', () => {
    expect(draftKey({ name: '', roles: [] })).toBe(draftKey({}));
    expect(draftKey({ name: 'Tamsin' })).not.toBe(draftKey({ name: '' }));
    expect(draftKey({ roles: ['head'] })).not.toBe(draftKey({ roles: [] }));
    // A "No" chosen is an answer, not an empty box.
    expect(draftKey({ sen: false })).not.toBe(draftKey({}));
    expect(draftKey({ body: { notes: '', points: {} } })).toBe(draftKey({ body: { points: {} } }));
  });
});

describe('UnsavedRegistry', () => {
  it('is unsaved while any registered form is, until each is saved or gone', () => {
    const registry = new UnsavedRegistry();
    const a = Symbol('a');
    const b = Symbol('b');
    expect(registry.any()).toBe(false);
    registry.set(a, true);
    registry.set(b, true);
    registry.set(a, false);
    expect(registry.any()).toBe(true);
    registry.remove(b);
    expect(registry.any()).toBe(false);
  });
});
