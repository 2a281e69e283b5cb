import { EXTORTION_DEMAND_LABELS, EXTORTION_DEMANDS, EXTORTION_EVIDENCE, EXTORTION_EVIDENCE_LABELS } from '../../domain/entries/extortion';
import { ABOUT_FIELD, choices, when, YES_NO_UNKNOWN_OPTIONS, type FormSpec } from '../field-spec';

/** Financially motivated sexual extortion: NCA-CEOP alert, 29 April 2024 (docs/guidance-2024.md, S3). */
export const extortionSpec: FormSpec = [
  {
    note: 'The NCA’s advice (CEOP Education alert on financially motivated sexual extortion, 29 April 2024): do not pay; stop contact and block; do not delete the conversation or anything that could be evidence; report to the police and to the CEOP Safety Centre. Keep screenshots of the chat and usernames, never the image.',
    fields: [ABOUT_FIELD],
  },
  {
    heading: 'The contact',
    fields: [
      { name: 'firstContactWhere', label: 'Where was first contact made? (optional)', hint: 'The app, game or site, for example Instagram. Offenders often appear to be another young person.', type: 'text' },
      { name: 'movedTo', label: 'Where did the conversation move to? (optional)', hint: 'For example Snapchat or WhatsApp.', type: 'text' },
      { name: 'threatOn', label: 'When did the threat come? (optional)', hint: 'Some offenders go from first contact to blackmail in under an hour.', type: 'date' },
    ],
  },
  {
    heading: 'The demand',
    fields: [
      { name: 'demands', label: 'What was demanded?', hint: 'Tick all that apply; leave blank if not known yet.', type: 'checkboxes', options: choices(EXTORTION_DEMANDS, EXTORTION_DEMAND_LABELS) },
      { name: 'demandDetails', label: 'What else was demanded?', type: 'text', showIf: (b) => Array.isArray(b.demands) && b.demands.includes('other') },
      { name: 'amount', label: 'How much? (optional)', hint: 'As the offender put it, for example “£200” or “$100 in gift cards”.', type: 'text' },
      { name: 'paymentMethod', label: 'How was payment asked for? (optional)', hint: 'For example a bank transfer, a payment app or gift card codes.', type: 'text' },
      { name: 'paidOrSent', label: 'Was anything paid or sent?', type: 'radio', options: YES_NO_UNKNOWN_OPTIONS },
      { name: 'paidOrSentDetails', label: 'What was paid or sent? (optional)', type: 'textarea', showIf: when('paidOrSent', 'yes') },
      { name: 'imageShared', label: 'Was the image actually shared?', hint: 'Offenders often threaten without sharing; some images are fake.', type: 'radio', options: YES_NO_UNKNOWN_OPTIONS },
      { name: 'blockedAndReported', label: 'Was the account blocked and reported to the app or site?', type: 'radio', options: YES_NO_UNKNOWN_OPTIONS },
    ],
  },
  {
    heading: 'Evidence kept',
    note: 'Do not view, copy or save the image. Keep what identifies the offender: the police may need it.',
    fields: [
      { name: 'evidenceKept', label: 'What was kept?', type: 'checkboxes', options: choices(EXTORTION_EVIDENCE, EXTORTION_EVIDENCE_LABELS) },
      { name: 'evidenceWhere', label: 'Where is it kept? (optional)', hint: 'For example on the young person’s phone, or handed to the police with the device.', type: 'text' },
      { name: 'notes', label: 'Anything else (optional)', type: 'textarea' },
    ],
  },
];
