import userEvent from '@testing-library/user-event';

/**
 * A person at the keyboard and mouse. No pause between keystrokes: each pause is a trip
 * through the timer queue, which made typing a few sentences take most of a second.
 */
export function aPerson() {
  return userEvent.setup({ delay: null });
}

export type Person = ReturnType<typeof aPerson>;

/**
 * Puts a sentence into a labelled box as if pasted: one change, where typing it would
 * redraw a long form once per letter.
 */
export async function fillIn(person: Person, field: HTMLElement, text: string): Promise<void> {
  await person.click(field);
  await person.paste(text);
}
