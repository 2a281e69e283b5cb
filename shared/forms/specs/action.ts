import { ACTION_TYPE_LABELS, ACTION_TYPES } from '../../domain/entries/action';
import { ABOUT_FIELD, choices, type FormSpec } from '../field-spec';

/** Sanctions, education, support referrals, inter-agency meetings and follow-ups. */
export const actionSpec: FormSpec = [
  { fields: [ABOUT_FIELD] },
  {
    fields: [
      {
        name: 'type',
        label: 'What kind of action is it?',
        type: 'radio',
        options: choices(ACTION_TYPES, ACTION_TYPE_LABELS, {
          sanction: 'At the school’s discretion, in line with its behaviour policy.',
          'support-referral': 'For example the NSPCC’s National Clinical Assessment and Treatment Service, if pressuring others is part of a pattern.',
          'inter-agency-meeting': 'Ofsted look for attendance at, or contribution to, inter-agency meetings.',
        }),
      },
      { name: 'description', label: 'Describe the action', type: 'textarea' },
    ],
  },
  {
    heading: 'Dates',
    fields: [
      { name: 'owner', label: 'Who is to do it (optional)', hint: 'Shown to them on What is due, and at sign-in once overdue.', type: 'staff' },
      { name: 'dueOn', label: 'Due by (optional)', hint: 'Shown as overdue if not done by then.', type: 'date' },
      { name: 'completedOn', label: 'Done on (optional)', type: 'date' },
    ],
  },
];
