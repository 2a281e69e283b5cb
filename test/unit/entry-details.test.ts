// An entry's body in words (shared/forms/entry-details): what the incident page shows and the
// PDFs print. Names here are made up.
import { MALICIOUS_SHARING_QUESTION } from '../../shared/domain/referral-text';
import { describe, expect, it } from 'vitest';
import { entryDetailRows, type DetailRow, type EntryDetailContext } from '../../shared/forms/entry-details';
import type { IncidentPerson } from '../../shared/ipc/contract';

const pupilPerson: IncidentPerson = {
  id: 7,
  roles: ['pictured'],
  ageOnImageryDate: 14,
  ageWhenReported: null,
  pupil: {
    id: 3,
    firstName: 'Zephyrine',
    lastName: 'Testcase',
    dateOfBirth: '2011-04-01',
    sex: 'female',
    yearGroup: '9',
    sen: false,
    senDetails: '',
    lookedAfter: false,
    socialCare: 'not_known',
    leaving: null,
    upn: '',
  },
  other: null,
  addedAt: '2026-11-20T10:00:00.000Z',
  addedByName: 'Ms Example Viewer',
  removal: null,
};

const context: EntryDetailContext = {
  people: [pupilPerson],
  staff: [
    { id: 1, name: 'Ms Example Viewer' },
    { id: 2, name: 'Mr Sample Witness' },
  ],
};

const valueOf = (rows: readonly DetailRow[], label: string) => rows.find((r) => r.label === label)?.value;
const labels = (rows: readonly DetailRow[]) => rows.map((r) => r.label);

describe('entryDetailRows', () => {
  it('lays out a viewing log, with the departures from the guidance as warnings', () => {
    const details = entryDetailRows(
      'viewing-log',
      {
        place: 'Head’s office',
        onPremises: 'yes',
        viewerStaffId: 1,
        viewerAuthority: 'dsl',
        presentStaffId: 2,
        presentAlsoViewed: false,
        sameSex: 'yes',
        notSameSexReason: '',
        reason: 'unavoidable',
        reasonFacts: 'A pupil held the phone up.\nIt was seen before it could be stopped.',
        headConsulted: 'no',
        nothingCopied: true,
        subsequentActions: '',
        staffSupport: 'offered',
      },
      context,
    );
    expect(details).not.toBeNull();
    const { rows, warnings } = details!;
    expect(labels(rows)).toEqual([
      'Place',
      'On school premises',
      'Viewed by',
      'Also present',
      'Viewer the same sex as the young person pictured',
      'Why it had to be viewed',
      'The facts behind that reason',
      'Headteacher consulted first',
      'Nothing copied, printed or shared',
      'Subsequent actions',
      'Support for staff who saw it',
    ]);
    expect(valueOf(rows, 'Viewed by')).toBe('Ms Example Viewer — The DSL');
    expect(valueOf(rows, 'Also present')).toBe('Mr Sample Witness (did not view)');
    expect(valueOf(rows, 'The facts behind that reason')).toBe('A pupil held the phone up.\nIt was seen before it could be stopped.');
    expect(valueOf(rows, 'Headteacher consulted first')).toBe('No');
    expect(valueOf(rows, 'Nothing copied, printed or shared')).toBe('Confirmed');
    expect(valueOf(rows, 'Subsequent actions')).toBe('None recorded');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/headteacher was not consulted/);
  });

  it('lays out an initial review with the five points and the decision', () => {
    const details = entryDetailRows(
      'initial-review',
      {
        attendees: 'Ms Example Viewer (DSL), Mr Sample Witness (head)',
        considerations: {
          immediateRisk: 'None seen.',
          viewingNeeded: '',
          furtherInformation: '',
          sharing: 'Shared in one group chat.',
          deletion: '',
          relevantFacts: '',
          otherSettings: '',
          parents: '',
        },
        points: { adultInvolved: 'yes', coercionOrGrooming: 'no', unusualOrViolent: 'no', sexualActs: 'unknown', immediateRisk: 'no' },
        pointNotes: { adultInvolved: 'An adult asked for the image.', coercionOrGrooming: '', unusualOrViolent: '', sexualActs: '', immediateRisk: '' },
        decision: 'refer',
        referTo: ['police', 'social-care'],
        reasons: 'Point 1 is met.',
        overrideReasons: '',
      },
      context,
    );
    expect(details).not.toBeNull();
    const { rows, warnings } = details!;
    expect(warnings).toEqual([]);
    expect(rows[0]).toEqual({ label: 'Who attended', value: 'Ms Example Viewer (DSL), Mr Sample Witness (head)' });
    // Only the considerations answered.
    expect(rows.find((r) => r.label.startsWith('Whether there is an immediate risk'))?.value).toBe('None seen.');
    expect(rows.some((r) => r.label.startsWith('Whether it is necessary to view'))).toBe(false);
    const points = rows.filter((r) => /^Point \d: /.test(r.label));
    expect(points.map((r) => r.label.slice(0, 8))).toEqual(['Point 1:', 'Point 2:', 'Point 3:', 'Point 4:', 'Point 5:']);
    expect(points.map((r) => r.value)).toEqual(['Yes — An adult asked for the image.', 'No', 'No', 'Not known', 'No']);
    expect(valueOf(rows, 'Decision')).toBe('Refer to the police and children’s social care');
    expect(valueOf(rows, 'Reasons')).toBe('Point 1 is met.');
    expect(labels(rows)).not.toContain('Why not referred despite the guidance');
    expect(labels(rows).slice(-2)).toEqual(['Decision', 'Reasons']);
    // Signed before the question was asked: the record says so instead of inventing a "No".
    expect(valueOf(rows, MALICIOUS_SHARING_QUESTION.question)).toMatch(/^Not asked/);
    expect(labels(rows)).not.toContain('Aggravating factor');
  });

  it('shows the malicious-sharing answer, the aggravating factor and why the school manages it anyway (case study 3)', () => {
    const details = entryDetailRows(
      'initial-review',
      {
        attendees: 'Ms Example Viewer (DSL)',
        considerations: { immediateRisk: '', viewingNeeded: '', furtherInformation: '', sharing: '', deletion: '', relevantFacts: '', otherSettings: '', parents: '' },
        points: { adultInvolved: 'no', coercionOrGrooming: 'no', unusualOrViolent: 'no', sexualActs: 'no', immediateRisk: 'no' },
        pointNotes: { adultInvolved: '', coercionOrGrooming: '', unusualOrViolent: '', sexualActs: '', immediateRisk: '' },
        maliciousSharing: 'yes',
        decision: 'manage-in-school',
        referTo: [],
        reasons: 'Handled with both families.',
        overrideReasons: 'Both families agree; the image is contained.',
      },
      context,
    );
    const rows = details!.rows;
    expect(valueOf(rows, MALICIOUS_SHARING_QUESTION.question)).toBe('Yes');
    expect(valueOf(rows, 'Aggravating factor')).toMatch(/without consent and with malicious intent.*should generally be referred/);
    expect(valueOf(rows, 'Why not referred despite the guidance')).toBe('Both families agree; the image is contained.');
    expect(labels(rows).indexOf('Aggravating factor')).toBeLessThan(labels(rows).indexOf('Decision'));
  });

  it('leaves out the questions a device entry does not ask, and writes choices in words', () => {
    const details = entryDetailRows(
      'device',
      {
        description: 'Grey tablet in a blue case',
        owner: 'Zephyrine Testcase',
        confiscatedBy: 'Mr Sample Witness',
        switchedOff: 'yes',
        storedWhere: 'Safe in the head’s office',
        outcome: 'held',
        handedToOfficer: '',
        handedOverOn: '',
        notes: '',
      },
      context,
    );
    expect(details).not.toBeNull();
    const { rows, warnings } = details!;
    expect(warnings).toEqual([]);
    expect(labels(rows)).toEqual([
      'Who is this about?',
      'Which device?',
      'Whose device is it?',
      'Who confiscated it?',
      'Was it turned off?',
      'Where is it locked away?',
      'Where is the device now?',
      'Notes',
    ]);
    // Recorded before entries said whom they are about: the incident as a whole.
    expect(valueOf(rows, 'Who is this about?')).toBe('The incident as a whole');
    expect(valueOf(rows, 'Was it turned off?')).toBe('Yes');
    expect(valueOf(rows, 'Where is the device now?')).toBe('Still held by the school, locked away');
    expect(valueOf(rows, 'Notes')).toBe('Not recorded');
  });

  it('shows the handing-over questions once the device is with the police, with the date written out', () => {
    const details = entryDetailRows(
      'device',
      {
        description: 'Grey tablet in a blue case',
        owner: 'Zephyrine Testcase',
        confiscatedBy: 'Mr Sample Witness',
        switchedOff: 'yes',
        storedWhere: 'Safe in the head’s office',
        outcome: 'handed-to-police',
        handedToOfficer: 'PC Imaginary 1234',
        handedOverOn: '2026-03-04',
        notes: '',
      },
      context,
    );
    expect(valueOf(details!.rows, 'Which officer was it handed to?')).toBe('PC Imaginary 1234');
    expect(valueOf(details!.rows, 'Date it was handed over')).toBe('4 Mar 2026');
  });

  it('names the person a parents entry is about, and asks only the branch answered', () => {
    const details = entryDetailRows(
      'parents',
      { pupilPersonId: 7, informed: 'yes', whoWasTold: 'Her mother', toldBy: 'Ms Example Viewer', means: 'phone', pupilSupported: false, notes: '' },
      context,
    );
    expect(details).not.toBeNull();
    const { rows } = details!;
    expect(valueOf(rows, 'Which pupil’s parents or carers?')).toBe('Zephyrine Testcase');
    expect(valueOf(rows, 'How were they told?')).toBe('By phone');
    expect(valueOf(rows, 'The pupil was supported to tell them themselves')).toBe('No');
    expect(labels(rows)).not.toContain('Why are they not being told?');
    expect(labels(rows)).not.toContain('Who took the decision?');

    const gone = entryDetailRows('parents', { pupilPersonId: 99, informed: 'no', reasons: 'Risk at home.', decidedBy: 'Social care', notes: '' }, context);
    expect(valueOf(gone!.rows, 'Which pupil’s parents or carers?')).toBe('Someone no longer on this incident');
    expect(labels(gone!.rows)).not.toContain('How were they told?');
  });

  it('still names a person removed from the incident (added in error), saying so', () => {
    const removed = { ...pupilPerson, removal: { at: '2026-11-21T09:00:00.000Z', byName: 'Ms Example Viewer', reason: 'Added in error' } };
    const details = entryDetailRows(
      'parents',
      { pupilPersonId: 7, informed: 'no', reasons: 'Not involved after all.', decidedBy: 'Ms Example Viewer', notes: '' },
      { ...context, people: [removed] },
    );
    expect(valueOf(details!.rows, 'Which pupil’s parents or carers?')).toBe('Zephyrine Testcase (since removed from this incident)');
  });

  it('gives null for a body its kind’s schema does not accept', () => {
    expect(entryDetailRows('viewing-log', { place: 'Somewhere' }, context)).toBeNull();
    expect(entryDetailRows('initial-review', null, context)).toBeNull();
    expect(entryDetailRows('device', { description: 'A phone', outcome: 'lost-at-sea' }, context)).toBeNull();
  });
});
