// Issue 20: the pure rules of leaving and of transferring a child-protection file (decision 0027).
import { describe, expect, it } from 'vitest';
import { transferDue } from '../../shared/domain/due';
import { leavingErrors, leavingInWords, leftLabel } from '../../shared/domain/leaving';
import { transferDeadline } from '../../shared/domain/transfers/deadline';
import { refuseCancelling, refuseConfirming, refuseSending, transferState, type TransferFacts } from '../../shared/domain/transfers/state';
import { coveringLetterDraft } from '../../shared/domain/transfers/transfer';

describe('the transfer deadline (KCSIE: within 5 days in-year, or the first 5 days of a new term)', () => {
  it('in-year: the fifth school day after leaving, weekends not counted', () => {
    // Wednesday 18 November 2026 → Thu, Fri, Mon, Tue, Wed.
    expect(transferDeadline('2026-11-18', 'in-year')).toBe('2026-11-25');
    // Friday 20 November → Mon 23 … Fri 27.
    expect(transferDeadline('2026-11-20', 'in-year')).toBe('2026-11-27');
    // Left on a Saturday: the next five weekdays.
    expect(transferDeadline('2026-11-21', 'in-year')).toBe('2026-11-27');
  });

  it('in-year across a half-term: counts the holiday weekdays, as it does not know the school’s term dates', () => {
    // Friday 23 October 2026, before a half-term week: the rule gives Friday 30 October, in the holiday.
    expect(transferDeadline('2026-10-23', 'in-year')).toBe('2026-10-30');
  });

  it('new term: the fifth day of the term, counting its first day', () => {
    // The spring term starting Monday 4 January 2027 → Friday 8 January.
    expect(transferDeadline('2027-01-04', 'new-term')).toBe('2027-01-08');
    // A term said to start on a Sunday starts on the Monday.
    expect(transferDeadline('2027-01-03', 'new-term')).toBe('2027-01-08');
    // Starting on a Wednesday: Wed, Thu, Fri, Mon, Tue.
    expect(transferDeadline('2026-09-02', 'new-term')).toBe('2026-09-08');
  });
});

const prepared: TransferFacts = { dueOn: '2026-11-27', sentOn: null, receivedAt: null, cancelledAt: null };

describe('where a transfer stands', () => {
  it('is prepared, sent, overdue after its deadline (sent or not), received or cancelled', () => {
    expect(transferState(prepared, '2026-11-27')).toBe('prepared');
    expect(transferState({ ...prepared, sentOn: '2026-11-23' }, '2026-11-27')).toBe('sent');
    expect(transferState({ ...prepared, sentOn: '2026-11-23' }, '2026-11-28')).toBe('overdue');
    expect(transferState(prepared, '2026-11-30')).toBe('overdue');
    expect(transferState({ ...prepared, sentOn: '2026-11-23', receivedAt: '2026-11-24' }, '2026-12-30')).toBe('received');
    expect(transferState({ ...prepared, cancelledAt: '2026-11-24T10:00:00Z' }, '2026-12-30')).toBe('cancelled');
  });

  it('is sent once, not in the future nor before it was prepared, and never once cancelled', () => {
    expect(refuseSending(prepared, '2026-11-23', '2026-11-23', '2026-11-23')).toBeNull();
    expect(refuseSending({ ...prepared, sentOn: '2026-11-23' }, '2026-11-24', '2026-11-23', '2026-11-24')).toBe('This transfer is already marked as sent');
    expect(refuseSending(prepared, '2026-11-24', '2026-11-23', '2026-11-23')).toBe('The date it was sent cannot be in the future');
    expect(refuseSending(prepared, '2026-11-22', '2026-11-23', '2026-11-23')).toBe('The date it was sent cannot be before the transfer was prepared');
    expect(refuseSending({ ...prepared, cancelledAt: 'x' }, '2026-11-23', '2026-11-23', '2026-11-23')).toMatch(/cancelled/);
  });

  it('is confirmed once, after it was sent, and never once cancelled; a received file cannot be cancelled', () => {
    expect(refuseConfirming(prepared)).toBe('Mark the transfer as sent before confirming that it arrived');
    expect(refuseConfirming({ ...prepared, sentOn: '2026-11-23' })).toBeNull();
    expect(refuseConfirming({ ...prepared, sentOn: '2026-11-23', cancelledAt: 'x' })).toBe('This transfer was cancelled, so its receipt cannot be confirmed');
    expect(refuseConfirming({ ...prepared, sentOn: '2026-11-23', receivedAt: 'x' })).toBe('Receipt of this transfer is already confirmed');
    expect(refuseCancelling({ ...prepared, receivedAt: 'x' })).toBe('Receipt of this transfer is confirmed, so it cannot be cancelled');
    expect(refuseCancelling(prepared)).toBeNull();
  });

  it('is chased in What is due with the pupil’s name, overdue after the deadline', () => {
    const t = { id: 4, pupilName: 'Juniper Testwood', receivingSchool: 'Larkspur Vale High School', dueOn: '2026-11-27', sentOn: null };
    expect(transferDue(t, '2026-11-27')).toMatchObject({ kind: 'transfer', overdue: false, what: 'Transfer Juniper Testwood’s child-protection file to Larkspur Vale High School', link: '/transfers/4' });
    expect(transferDue({ ...t, sentOn: '2026-11-23' }, '2026-11-30')).toMatchObject({ overdue: true, what: 'Confirm Larkspur Vale High School received Juniper Testwood’s child-protection file' });
  });
});

describe('a pupil who leaves', () => {
  const context = { today: '2026-11-23', dateOfBirth: '2012-05-04' };
  it('needs a date not in the future nor before birth, and a name for a school or setting', () => {
    expect(leavingErrors({ leftOn: '2026-11-20', destinationKind: 'school', destination: 'Larkspur Vale High School' }, context)).toBeNull();
    expect(leavingErrors({ leftOn: '2026-11-24', destinationKind: 'not-known', destination: '' }, context)).toEqual({ leftOn: 'The date the pupil left cannot be in the future' });
    expect(leavingErrors({ leftOn: '2011-01-01', destinationKind: 'moved-abroad', destination: '' }, context)).toEqual({ leftOn: 'The date the pupil left cannot be before their date of birth' });
    expect(leavingErrors({ leftOn: '2026-11-20', destinationKind: 'other-setting', destination: '  ' }, context)).toEqual({ destination: 'Enter the name of the new setting' });
    expect(leavingErrors({ leftOn: '2026-11-20', destinationKind: 'elective-home-education', destination: '' }, context)).toBeNull();
  });

  it('is shown as "Left 20 Nov 2026", with where they went', () => {
    expect(leftLabel('2026-11-20')).toBe('Left 20 Nov 2026');
    expect(leavingInWords({ leftOn: '2026-11-20', destinationKind: 'school', destination: 'Larkspur Vale High School' })).toBe('Left 20 Nov 2026 for Larkspur Vale High School');
    expect(leavingInWords({ leftOn: '2026-11-20', destinationKind: 'elective-home-education', destination: '' })).toBe('Left 20 Nov 2026 (elective home education)');
  });
});

describe('the covering letter’s first draft', () => {
  it('says who the pupil is, what is enclosed, how to confirm receipt and who sends it', () => {
    const letter = coveringLetterDraft({
      pupilName: 'Juniper Testwood',
      dateOfBirth: '2012-05-04',
      leftOn: '2026-11-20',
      receivingDsl: 'Rosalind Quaketon',
      receivingSchool: 'Larkspur Vale High School',
      senderName: 'Marigold Thistlewood',
      senderSchool: 'Quillfeather Academy',
      incidentCount: 2,
    });
    expect(letter).toMatch(/^Dear Rosalind Quaketon,/);
    expect(letter).toContain('Juniper Testwood, born 4 May 2012, who left Quillfeather Academy on 20 Nov 2026');
    expect(letter).toContain('2 incidents');
    expect(letter).toContain('Please confirm that you have received it');
    expect(letter).toMatch(/Marigold Thistlewood\nDesignated Safeguarding Lead, Quillfeather Academy$/);
  });
});
