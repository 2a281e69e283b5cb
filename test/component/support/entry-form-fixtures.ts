import type { EntryVersion, IncidentDetail } from '../../../shared/ipc/contract';

/** An open incident with no one on it yet, at a fictional school. */
export const incidentDetail: IncidentDetail = {
  incident: {
    id: 7,
    reference: 'YPSI-2026-007',
    title: 'Image shared in a Year 9 group chat',
    status: 'open',
    cameToAttentionOn: '2026-11-02',
    imageryDate: '2026-11-01',
    kind: 'shared-on',
    media: 'photo',
    services: [],
    sharing: 'shared',
    sharingDetails: '',
    policeMatter: false,
    createdAt: '2026-11-02T09:00:00.000Z',
    createdByName: 'Morwenna Testwood',
    voided: false,
    reopenedAt: null,
  },
  people: [],
  removedPeople: [],
  entries: [],
  staff: [{ id: 1, name: 'Morwenna Testwood', roles: ['dsl'], active: true }],
  gaps: [],
  closureSigned: false,
  police: { involved: false, words: 'Not involved' },
  history: [],
};

/** An action already recorded on that incident; `signed` gives it the DSL's signature. */
export function actionEntry({ signed }: { signed: boolean }): EntryVersion {
  return {
    id: 31,
    entryKey: 'entry-31',
    incidentId: 7,
    kind: 'action',
    version: 1,
    supersedesId: null,
    occurredAt: '2026-11-03T10:15:00.000Z',
    recordedAt: '2026-11-03T10:20:00.000Z',
    authorId: 1,
    authorName: 'Morwenna Testwood',
    body: { about: [], type: 'education', description: 'Talked the class through consent and sharing.', dueOn: '', completedOn: '' },
    amendmentReason: null,
    contentHash: 'a'.repeat(64),
    latest: true,
    backdated: false,
    summary: 'Education or advice',
    signatures: signed
      ? [
          {
            id: 5,
            entryId: 31,
            signerId: 1,
            signerName: 'Morwenna Testwood',
            signerRole: 'DSL',
            meaning: 'record-accurate',
            signedAt: '2026-11-03T10:30:00.000Z',
            contentHash: 'a'.repeat(64),
            witnessedByName: '',
          },
        ]
      : [],
  };
}
