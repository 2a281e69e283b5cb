import { whatIsDue } from '../domain/read-models/due';
import { none, type Spec } from './spec';

/** What is due across the open incidents (issue 19). Marking an action done is an amendment (`entries.revise`). */
export const dueChannels = {
  'due.list': { access: 'staff', input: none, output: whatIsDue },
} as const satisfies Record<string, Spec>;

export type { DueItem, WhatIsDue } from '../domain/read-models/due';
