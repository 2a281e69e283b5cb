import { agenciesInWords } from '../../domain/other-agencies';
import { ABOUT_FIELD, when, type FormSpec } from '../field-spec';

const pupilsAsked = when('mode', 'pupils-asked');
const staffSearch = when('mode', 'staff-search');

/** Section 2, "Deletion of images". */
export const deletionSpec: FormSpec = [
  { fields: [ABOUT_FIELD] },
  {
    fields: [
      {
        name: 'mode',
        label: 'How is the imagery being deleted?',
        warning: (context) => context.evidenceToKeep,
        hint: 'In most cases, ask the young people to delete it and confirm they have. Staff should search devices and delete imagery only when there is a good and clear reason.',
        type: 'radio',
        options: [
          { value: 'pupils-asked', label: 'The pupils were asked to delete it themselves' },
          { value: 'staff-search', label: 'A member of staff searched a device and dealt with it', hint: 'Only with the headteacher’s formal authorisation.' },
        ],
      },
    ],
  },
  {
    heading: 'Asking the pupils to delete it',
    fields: [
      { name: 'pupils', label: 'Which pupils were asked?', type: 'text', showIf: pupilsAsked },
      {
        name: 'where',
        label: 'Where must it be deleted from?',
        hint: 'Every device, online storage and social media or messaging service.',
        type: 'textarea',
        rows: 3,
        showIf: pupilsAsked,
      },
      { name: 'deadline', label: 'Deadline for deletion', hint: 'One deadline across all devices and services.', type: 'date', showIf: pupilsAsked },
      {
        name: 'toldOfLaw',
        label: 'The pupils were told that keeping the imagery is illegal',
        hint: 'And that if they refuse, or it is later found they did not delete it, they are committing a criminal offence and the police may become involved.',
        type: 'checkbox',
        showIf: pupilsAsked,
      },
    ],
  },
  {
    heading: 'Confirmation',
    note: 'Leave these blank until the pupils confirm. A deadline that passes without confirmation shows as overdue.',
    fields: [
      { name: 'confirmedOn', label: 'Date deletion was confirmed (optional)', type: 'date', showIf: pupilsAsked },
      { name: 'confirmedHow', label: 'How it was confirmed (optional)', type: 'textarea', rows: 3, showIf: pupilsAsked },
    ],
  },
  {
    heading: 'The search',
    fields: [
      {
        name: 'authorisedBy',
        label: 'Who authorised the search?',
        hint: 'Only a member of staff formally authorised by the headteacher may look at data on a device and delete it. The headteacher signs this entry.',
        type: 'text',
        showIf: staffSearch,
      },
      { name: 'searchedBy', label: 'Who carried out the search?', type: 'text', showIf: staffSearch },
      { name: 'devices', label: 'Which devices were searched?', type: 'textarea', rows: 3, showIf: staffSearch },
      { name: 'found', label: 'What was found?', hint: 'Describe it in words. Never copy, print or share imagery: that is illegal.', type: 'textarea', showIf: staffSearch },
      {
        name: 'action',
        label: 'Was the imagery deleted or kept as evidence?',
        hint: 'If it is serious enough for the police to be involved, refer.',
        type: 'radio',
        options: [
          { value: 'deleted', label: 'Deleted' },
          { value: 'retained-as-evidence', label: 'Kept as evidence of an offence or a breach of school discipline' },
        ],
        showIf: staffSearch,
      },
      { name: 'why', label: 'Reasons for the decision', hint: 'Record the times, dates and reasons.', type: 'textarea', showIf: staffSearch },
    ],
  },
  {
    fields: [
      {
        name: 'otherAgencyAgreed',
        label: 'The police / children’s social care have agreed to the deletion, or know of it',
        hint: 'The imagery may be needed as evidence. Speak to them before anything is deleted.',
        type: 'checkbox',
        askIf: (context) => context.otherAgencies.length > 0,
        warning: (context) =>
          `${agenciesInWords(context.otherAgencies)} are involved in this incident. The guidance considers deleting imagery when the school has decided that other agencies do not need to be involved (UKCCIS 2016, section 2, “Deletion of images”): record a deletion only once they have agreed to it or know of it.`,
      },
    ],
  },
];
