// Issue 19 item 1: every form of the records has one draft key, the core and the renderer
// derive it alike, the contract accepts exactly those keys, and the home page links each back
// to its form (decision 0023).
import { describe, expect, it } from 'vitest';
import { draftDescription, draftFormKey, draftKey, draftsExpireBefore, type DraftForm } from '../../shared/domain/drafts';
import { draftRoute } from '../../renderer/src/features/drafts/draft-route';

const FORMS: [DraftForm, string, string, string][] = [
  [{ form: 'entry', kind: 'disclosure', incidentId: 4 }, 'entry:disclosure:incident:4', 'a disclosure on YPSI-2026-004', '/incidents/4/record/disclosure'],
  [{ form: 'entry', kind: 'police-report', incidentId: 4 }, 'entry:police-report:incident:4', 'a report to the police on YPSI-2026-004', '/incidents/4/record/police-report'],
  [{ form: 'entry', kind: 'initial-review', incidentId: 4 }, 'initial-review:4', 'an initial review meeting on YPSI-2026-004', '/incidents/4/initial-review/new'],
  [{ form: 'entry', kind: 'viewing-log', incidentId: 4 }, 'viewing-log:4', 'a viewing of the imagery on YPSI-2026-004', '/incidents/4/viewing-log/new'],
  [{ form: 'amend', entryId: 31, kind: 'disclosure', incidentId: 4 }, 'amend:31', 'an amendment to a disclosure on YPSI-2026-004', '/incidents/4/entries/31/amend'],
  [{ form: 'new-incident' }, 'incident:new', 'a new incident', '/incidents/new'],
  [{ form: 'correct-incident', incidentId: 4 }, 'incident:4:correct', 'a correction to the details on YPSI-2026-004', '/incidents/4/edit'],
];

describe('draft keys', () => {
  it.each(FORMS)('%o is %s, "%s", continued at %s', (form, key, description, route) => {
    expect(draftKey(form)).toBe(key);
    expect(draftFormKey.safeParse(key).success).toBe(true);
    const reference = form.form === 'new-incident' ? null : 'YPSI-2026-004';
    expect(draftDescription(form, reference)).toBe(description);
    expect(draftRoute({ formKey: key, incidentId: form.form === 'new-incident' ? null : 4 })).toBe(route);
  });

  it('refuses any other name, so nothing but a form of the app is kept', () => {
    for (const key of ['', 'localStorage', 'entry:disclosure:incident:', 'amend:x', 'incident:new ', 'staff:password']) expect(draftFormKey.safeParse(key).success).toBe(false);
  });

  it('drafts expire the school’s number of days after they were saved', () => {
    expect(draftsExpireBefore(new Date('2026-11-30T09:00:00Z'), 30)).toBe('2026-10-31T09:00:00.000Z');
  });
});
