import { contract, type IncidentDetail } from '../../../shared/ipc/contract';

const at = '2026-11-20T10:00:00.000Z';

/**
 * An open incident with one fictional pupil and one unsigned disclosure, parsed through the
 * contract's own output schema so it has the shape the core would send.
 */
export function fictionalIncident(changes: Partial<Record<keyof IncidentDetail, unknown>> = {}): IncidentDetail {
  return contract['incidents.get'].output.parse({
    incident: {
      id: 1,
      reference: 'TEST-2026-001',
      title: 'Image shared in a fictional Year 9 group chat',
      status: 'open',
      cameToAttentionOn: '2026-11-20',
      imageryDate: '2026-11-19',
      kind: 'self-shared',
      media: 'photo',
      services: [],
      sharing: 'not_known',
      sharingDetails: '',
      policeMatter: false,
      createdAt: at,
      createdByName: 'Marigold Thistlewood',
      voided: false,
      reopenedAt: null,
    },
    people: [
      {
        id: 7,
        roles: ['pictured'],
        ageOnImageryDate: 14,
        pupil: { id: 3, firstName: 'Amelia', lastName: 'Brackenridge', dateOfBirth: '2012-05-01', sex: 'female', yearGroup: '9', sen: false, senDetails: '', lookedAfter: false, socialCare: 'none' },
        other: null,
        addedAt: at,
        addedByName: 'Marigold Thistlewood',
        removal: null,
      },
    ],
    removedPeople: [],
    entries: [
      {
        id: 11,
        entryKey: 'entry-11',
        incidentId: 1,
        kind: 'disclosure',
        version: 1,
        supersedesId: null,
        occurredAt: at,
        recordedAt: at,
        authorId: 1,
        authorName: 'Marigold Thistlewood',
        body: { source: 'friend', sourceName: '', toldTo: 'Form tutor', means: 'in_person', whatWasSaid: 'A friend said a photo was going round.', immediateActions: '' },
        amendmentReason: null,
        contentHash: 'a'.repeat(64),
        latest: true,
        backdated: false,
        summary: 'A friend told the form tutor in person.',
        signatures: [],
      },
    ],
    staff: [{ id: 1, name: 'Marigold Thistlewood', roles: ['dsl'], active: true }],
    gaps: [],
    closureSigned: true,
    police: { involved: false, words: '' },
    history: [],
    ...changes,
  });
}
