import type { EntryKind } from '../domain/entries/kinds';
import type { HelpSectionId } from './sections';

/**
 * Which help section each form links to ("Guidance: <section title>"). Typed over every entry
 * kind, so a new kind does not compile until someone has chosen its guidance.
 */
export const GUIDANCE_FOR_KIND: Record<EntryKind, HelpSectionId> = {
  disclosure: 'flowchart',
  'initial-review': 'five-points',
  'risk-assessment': 'conversation',
  parents: 'parents',
  'police-report': 'police-and-social-care',
  device: 'searching-and-deletion',
  'social-care': 'police-and-social-care',
  'viewing-log': 'viewing',
  deletion: 'searching-and-deletion',
  'imagery-item': 'viewing',
  'online-report': 'extortion-and-reporting',
  extortion: 'extortion-and-reporting',
  conversation: 'conversation',
  'staff-welfare': 'viewing',
  action: 'flowchart',
  escalation: 'police-and-social-care',
  'decision-review': 'flowchart',
  closure: 'flowchart',
};

/** Opening an incident is the flowchart's first step. */
export const NEW_INCIDENT_GUIDANCE: HelpSectionId = 'flowchart';
