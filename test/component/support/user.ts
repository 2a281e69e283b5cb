import userEvent from '@testing-library/user-event';

/**
 * A person at the keyboard and mouse. No pause between keystrokes: each pause is a trip
 * through the timer queue, which made typing a few sentences take most of a second.
 */
export function aPerson() {
  return userEvent.setup({ delay: null });
}

export type Person = ReturnType<typeof aPerson>;
