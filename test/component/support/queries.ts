import { screen } from '@testing-library/react';
import type { FieldSpec } from '../../../shared/forms/field-spec';

/**
 * What a screen reader reads after a control's name: the text of everything its
 * aria-describedby names (the hint, then any error).
 */
export function describedText(element: Element): string {
  const ids = element.getAttribute('aria-describedby')?.split(/\s+/).filter(Boolean) ?? [];
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

/** A spec's question as a person finds it: a group of choices by its legend, anything else by its label. */
export function questionOf(field: FieldSpec): HTMLElement {
  if (field.type === 'radio' || field.type === 'checkboxes' || field.type === 'people') return screen.getByRole('group', { name: field.label });
  return screen.getByLabelText(field.label);
}

export function queryQuestion(label: string): HTMLElement | null {
  return screen.queryByRole('group', { name: label }) ?? screen.queryByLabelText(label);
}

/** The error summary (role=alert, "There is a problem"). */
export function errorSummary(): HTMLElement {
  return screen.getByRole('alert', { name: 'There is a problem' });
}
