/**
 * What Verify can find (decision 0017), each in the words the DSL reads: every finding is a
 * change made outside the app, named by kind, by the row it is about, and when the records
 * were last intact.
 */
export const FINDING_KINDS = {
  'audit-altered': 'An audit row was changed',
  'audit-missing': 'Audit rows were deleted',
  'signature-forged': 'A signature does not match the person it names',
  unsigned: 'A row was added without a signature',
  'not-permitted': 'Something was done by someone not allowed to do it',
  'row-changed': 'A record was changed outside the app',
  'row-deleted': 'A record was deleted outside the app',
  'row-unrecorded': 'A record was added outside the app',
  'entry-altered': 'The text of an entry was changed',
  'roster-altered': 'The signed list of staff and roles was altered',
  'staff-differs': 'The staff list differs from the signed roster',
  'chain-shorter': 'The records are older than the last state this computer saw',
  'chain-rewritten': 'The audit log was rewritten',
  'destroyed-without-certificate': 'A record was deleted without a DSL’s destruction certificate',
} as const;
export type FindingKind = keyof typeof FINDING_KINDS;
export const FINDING_KIND_KEYS = Object.keys(FINDING_KINDS) as [FindingKind, ...FindingKind[]];
