import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useForm } from '../../../renderer/src/components/use-form';
import { UnsavedChangesContext, UnsavedRegistry } from '../../../renderer/src/components/unsaved-changes';
import { pupilInput } from '../../../shared/domain/pupils';

/** Part of the add-a-pupil form: the same schema the core checks pupils.create with. */
const pupilNames = pupilInput.pick({ firstName: true, lastName: true, yearGroup: true });
const EMPTY = { firstName: '', lastName: '' };

function renderForm(registry = new UnsavedRegistry()) {
  const wrapper = ({ children }: { children: ReactNode }) => <UnsavedChangesContext.Provider value={registry}>{children}</UnsavedChangesContext.Provider>;
  const hook = renderHook(() => useForm(pupilNames, EMPTY), { wrapper });
  return { ...hook, registry };
}

describe('useForm', () => {
  it('validate shows every field’s message from the schema at once and gives nothing to save', () => {
    const { result } = renderForm();
    let parsed: unknown = 'not yet validated';
    act(() => {
      parsed = result.current.validate();
    });
    expect(parsed).toBeNull();
    expect(result.current.errors).toEqual({
      firstName: 'Enter the first name',
      lastName: 'Enter the last name',
      yearGroup: 'Choose the year group',
    });
    expect(result.current.formError).toBeNull();
  });

  it('validate gives the values as the core will store them, and clears the messages once they pass', () => {
    const { result } = renderForm();
    act(() => void result.current.validate());
    act(() => {
      result.current.setValue('firstName', '  Ayesha ');
      result.current.setValue('lastName', 'Testperson');
      result.current.setValue('yearGroup', '10');
    });
    let parsed: unknown = null;
    act(() => {
      parsed = result.current.validate();
    });
    expect(parsed).toEqual({ firstName: 'Ayesha', lastName: 'Testperson', yearGroup: '10' });
    expect(result.current.errors).toEqual({});
  });

  it('validate takes values the form keeps in another shape from `extra`', () => {
    const { result } = renderForm();
    act(() => result.current.setValue('firstName', 'Ben'));
    let parsed: unknown = null;
    act(() => {
      parsed = result.current.validate({ lastName: 'Sample', yearGroup: '11' });
    });
    expect(parsed).toEqual({ firstName: 'Ben', lastName: 'Sample', yearGroup: '11' });
  });

  it('a refusal from the core naming fields puts each message on its field, with no message for the form', () => {
    const { result } = renderForm();
    act(() => result.current.showServerError({ code: 'invalid_input', message: 'Check the answers', fields: { lastName: 'Enter the last name as the school knows it' } }));
    expect(result.current.errors).toEqual({ lastName: 'Enter the last name as the school knows it' });
    expect(result.current.formError).toBeNull();
  });

  it('a refusal naming no field is the form’s message, in the core’s words, and clears the field messages', () => {
    const { result } = renderForm();
    act(() => void result.current.validate());
    act(() => result.current.showServerError({ code: 'conflict', message: 'A pupil with this name and date of birth is already recorded.' }));
    expect(result.current.errors).toEqual({});
    expect(result.current.formError).toBe('A pupil with this name and date of birth is already recorded.');
  });

  it('reset returns to the starting values with no messages and nothing unsaved', () => {
    const { result, registry } = renderForm();
    act(() => {
      result.current.setValue('firstName', 'Ayesha');
      result.current.showServerError({ code: 'conflict', message: 'Already recorded.' });
    });
    act(() => result.current.reset());
    expect(result.current.values).toEqual(EMPTY);
    expect(result.current.errors).toEqual({});
    expect(result.current.formError).toBeNull();
    expect(result.current.unsaved).toBe(false);
    expect(registry.any()).toBe(false);
  });

  it('counts typing as unsaved, so leaving the page asks, until the form is saved', () => {
    const { result, registry } = renderForm();
    expect(result.current.unsaved).toBe(false);
    expect(registry.any()).toBe(false);

    act(() => result.current.setValue('firstName', 'Ben'));
    expect(result.current.unsaved).toBe(true);
    expect(registry.any()).toBe(true);

    act(() => result.current.saved());
    expect(result.current.unsaved).toBe(false);
    expect(registry.any()).toBe(false);

    act(() => result.current.setValue('lastName', 'Sample'));
    expect(result.current.unsaved).toBe(true);
  });

  it('a box typed in and emptied again is no change', () => {
    const { result, registry } = renderForm();
    act(() => result.current.setValue('firstName', 'A'));
    act(() => result.current.setValue('firstName', ''));
    expect(result.current.unsaved).toBe(false);
    expect(registry.any()).toBe(false);
  });

  it('a form that goes away is no longer counted as unsaved', () => {
    const { result, registry, unmount } = renderForm();
    act(() => result.current.setValue('firstName', 'Ben'));
    unmount();
    expect(registry.any()).toBe(false);
  });
});

// A schema with a rule across fields: its message lands on the field the rule names.
const confirm = z
  .object({ code: z.string().min(1, 'Enter the code'), again: z.string() })
  .refine((v) => v.code === v.again, { path: ['again'], message: 'The two codes do not match' });

describe('useForm with a rule across fields', () => {
  it('puts the rule’s message on the field it names', () => {
    const { result } = renderHook(() => useForm(confirm, { code: 'ABCD', again: 'ABCE' }));
    act(() => void result.current.validate());
    expect(result.current.errors).toEqual({ again: 'The two codes do not match' });
  });
});
