import type { DraftSummary } from '../../../../shared/domain/drafts';

/** Where a draft's form is: the page that opens it again, which restores the draft. Null for a key this version does not know. */
export function draftRoute({ formKey, incidentId }: Pick<DraftSummary, 'formKey' | 'incidentId'>): string | null {
  if (formKey === 'incident:new') return '/incidents/new';
  let m = /^incident:(\d+):correct$/.exec(formKey);
  if (m) return `/incidents/${m[1]}/edit`;
  m = /^(initial-review|viewing-log):(\d+)$/.exec(formKey);
  if (m) return `/incidents/${m[2]}/${m[1]}/new`;
  m = /^entry:([a-z-]+):incident:(\d+)$/.exec(formKey);
  if (m) return `/incidents/${m[2]}/record/${m[1]}`;
  m = /^amend:(\d+)$/.exec(formKey);
  if (m && incidentId !== null) return `/incidents/${incidentId}/entries/${m[1]}/amend`;
  return null;
}
