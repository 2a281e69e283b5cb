import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';

/**
 * Which forms on screen hold typing that has not been saved. One registry per signed-in
 * router (UnsavedChangesGuard); forms outside it (sign-in, set-up) are simply not guarded.
 * It is read when someone tries to leave, so a form that has just saved can say so and
 * navigate in the same moment without being stopped by its own guard.
 */
export class UnsavedRegistry {
  private readonly unsaved = new Set<symbol>();
  private readonly onLeaving = new Map<symbol, () => void>();

  set(form: symbol, unsaved: boolean): void {
    if (unsaved) this.unsaved.add(form);
    else this.unsaved.delete(form);
  }

  remove(form: symbol): void {
    this.unsaved.delete(form);
  }

  any(): boolean {
    return this.unsaved.size > 0;
  }

  /** What a form that keeps a draft does when the person leaves it unsaved: discards the draft, as the question said. */
  whenLeft(form: symbol, discard: () => void): () => void {
    this.onLeaving.set(form, discard);
    return () => this.onLeaving.delete(form);
  }

  /** The person answered Leave: what they typed is given up, drafts included. */
  leave(): void {
    for (const discard of this.onLeaving.values()) discard();
  }
}

export const UnsavedChangesContext = createContext<UnsavedRegistry | null>(null);

/**
 * A draft compared as a person sees it: a box typed in and emptied again, or a list of
 * choices ticked and unticked, is no change.
 */
export function draftKey(draft: unknown): string {
  return JSON.stringify(draft, (_key, value: unknown) => (value === '' || (Array.isArray(value) && value.length === 0) ? undefined : value)) ?? '';
}

/**
 * Registers `draft` (everything a form holds that the person typed or chose) with the
 * guard: it is unsaved while it differs from how the form started or was last saved.
 * `useForm` does this for its values; a form keeping more state beside them (an entry's
 * body, an amendment's reason) calls this for that state too, and calls `saved()` on both.
 */
export function useUnsavedChanges(draft: unknown): { unsaved: boolean; saved: (now?: unknown) => void } {
  const registry = useContext(UnsavedChangesContext);
  const current = draftKey(draft);
  const [baseline, setBaseline] = useState(current);
  const [form] = useState(() => Symbol('form'));
  const latest = useRef(current);
  const unsaved = current !== baseline;

  useEffect(() => {
    latest.current = current;
  }, [current]);
  useEffect(() => {
    registry?.set(form, unsaved);
  }, [registry, form, unsaved]);
  useEffect(() => () => registry?.remove(form), [registry, form]);

  /** After a successful save (or a reset to `now`): what is on screen is no longer unsaved. */
  const saved = useCallback(
    (now?: unknown) => {
      const key = now === undefined ? latest.current : draftKey(now);
      // At once, not after the next render: the caller may navigate straight away.
      registry?.set(form, false);
      setBaseline(key);
    },
    [registry, form],
  );

  return { unsaved, saved };
}
