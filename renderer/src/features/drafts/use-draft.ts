import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import { draftIncidentId, draftKey, draftValues, type DraftForm } from '../../../../shared/domain/drafts';
import type { Input } from '../../../../shared/ipc/contract';
import { call } from '../../api/client';
import { readOrThrow } from '../../api/queries';
import { UnsavedChangesContext } from '../../components/unsaved-changes';

/** A pause in typing this long saves the draft. */
export const DRAFT_IDLE_MS = 1000;
/** Typing that goes on is saved at least this often, so a crash loses at most this much. */
export const DRAFT_MAX_WAIT_MS = 2000;

export type DraftValues = Record<string, unknown>;

/** What a form says about its draft: which form it is and how the home page describes it. Null: no drafts (sign-in, passwords). */
export type DraftOf = { form: DraftForm; description: string } | null;

export type DraftState = {
  /** When the draft the form opened with was saved; null when it opened empty. */
  restoredFrom: string | null;
  /** Deletes the draft and puts the form back as it started. */
  discard: () => void;
};

/**
 * Keeps what a form holds as its author's draft in the records (decision 0023): saved a
 * second after typing stops and at most two seconds apart while it goes on, never for a form
 * nobody has touched, and restored when the form opens. `state` is everything the person
 * typed or chose; `touched` is the form's own unsaved-changes flag (false again once the
 * record is saved, whose save deletes the draft in the core); `paused` while the record's
 * save is in flight, so no draft lands after it.
 */
export function useDraft({
  draft,
  state,
  touched,
  paused,
  restore,
}: {
  draft: DraftOf;
  state: DraftValues;
  touched: boolean;
  paused: boolean;
  restore: (values: DraftValues) => void;
}): DraftState {
  const formKey = draft ? draftKey(draft.form) : null;
  // Straight to the core, not through the screen cache: useForm (and so this hook) also runs on
  // the signed-out screens, which have no cache, and no screen on show reads drafts while a
  // form is open (the home page reads them afresh each time it opens).
  const save = useCallback((input: Input<'drafts.save'>) => call('drafts.save', input), []);
  const discardDraft = useCallback((input: Input<'drafts.discard'>) => call('drafts.discard', input), []);
  const [restored, setRestored] = useState<{ id: number; savedAt: string } | null>(null);
  const [start] = useState(state);
  const stateKey = JSON.stringify(state);
  const latest = useRef({ draft, stateKey });
  const lastSaved = useRef<string | null>(null);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const maxTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const restoreRef = useRef(restore);
  /** The draft's id once the core has it; `left` once the person chose to leave the form unsaved. */
  const savedId = useRef<number | null>(null);
  const left = useRef(false);
  const registry = useContext(UnsavedChangesContext);

  useEffect(() => {
    latest.current = { draft, stateKey };
    restoreRef.current = restore;
  });

  const stop = useCallback(() => {
    clearTimeout(idleTimer.current);
    clearTimeout(maxTimer.current);
    idleTimer.current = undefined;
    maxTimer.current = undefined;
  }, []);

  const flush = useCallback(() => {
    stop();
    const { draft: now, stateKey: key } = latest.current;
    if (!now || key === lastSaved.current) return;
    // As the records will hold it: plain JSON (an undefined answer is simply absent).
    const values = draftValues.safeParse(JSON.parse(key) as unknown);
    if (!values.success) return;
    lastSaved.current = key;
    void save({ formKey: draftKey(now.form), incidentId: draftIncidentId(now.form), description: now.description, values: values.data }).then((result) => {
      // Not kept (locked meanwhile, say): the next change tries again.
      if (!result.ok) {
        if (lastSaved.current === key) lastSaved.current = null;
        return;
      }
      savedId.current = result.value.id;
      // Left while this save was on its way: it goes too.
      if (left.current) void discardDraft({ id: result.value.id });
    });
  }, [save, stop, discardDraft]);

  // Leaving the page unsaved (answered Leave) gives the typing up, draft and all; a lock keeps it.
  useEffect(() => {
    if (!registry || !formKey) return;
    return registry.whenLeft(Symbol('draft'), () => {
      left.current = true;
      stop();
      if (savedId.current !== null) void discardDraft({ id: savedId.current });
    });
  }, [registry, formKey, stop, discardDraft]);

  // The form's draft, if its author left one, once as the form opens.
  useEffect(() => {
    if (!formKey) return;
    let cancelled = false;
    void (async () => {
      try {
        const mine = await readOrThrow('drafts.mine', {});
        const found = mine.find((d) => d.formKey === formKey);
        if (!found || cancelled) return;
        const full = await readOrThrow('drafts.get', { id: found.id });
        if (cancelled) return;
        lastSaved.current = JSON.stringify(full.values);
        savedId.current = full.id;
        restoreRef.current(full.values);
        setRestored({ id: full.id, savedAt: full.savedAt });
      } catch {
        // A draft that cannot be read leaves the form as it opened; nothing typed is lost by that.
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [formKey]);

  useEffect(() => {
    if (!formKey || !touched || paused) return stop();
    if (stateKey === lastSaved.current) return;
    clearTimeout(idleTimer.current);
    idleTimer.current = setTimeout(flush, DRAFT_IDLE_MS);
    maxTimer.current ??= setTimeout(flush, DRAFT_MAX_WAIT_MS);
  }, [formKey, stateKey, touched, paused, flush, stop]);

  // Leaving the form (or the lock unmounting it) stops the timers; whatever was saved stays.
  useEffect(() => stop, [stop]);

  const discard = useCallback(() => {
    if (!restored) return;
    stop();
    lastSaved.current = JSON.stringify(start);
    restoreRef.current(start);
    setRestored(null);
    savedId.current = null;
    void discardDraft({ id: restored.id });
  }, [restored, start, stop, discardDraft]);

  return { restoredFrom: restored?.savedAt ?? null, discard };
}
