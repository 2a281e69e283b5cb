/** What a signature says. Each entry kind lists the meanings it allows and who may sign each. */
export const SIGNATURE_MEANINGS = {
  'viewed-accurate': 'I viewed the imagery and this record is accurate',
  'present-accurate': 'I was present when the imagery was viewed and this record is accurate',
  'attest-no-account': 'As DSL, I attest what this record says about the people in it who have no account in the app',
  'authorise-no-referral': 'I authorise the decision not to refer',
  'authorise-escalation': 'I authorise this escalation and its reasons',
  'authorised-search': 'I authorised this search or deletion',
  'record-accurate': 'I made this record and it is accurate',
  'approve-closure': 'I confirm the record is complete and the incident can be closed',
} as const;

export type SignatureMeaning = keyof typeof SIGNATURE_MEANINGS;
export const SIGNATURE_MEANING_KEYS = Object.keys(SIGNATURE_MEANINGS) as [SignatureMeaning, ...SignatureMeaning[]];
