import { DEVICE_OUTCOME_LABELS, DEVICE_OUTCOMES } from '../../domain/entries/device';
import { ABOUT_FIELD, choices, when, YES_NO_OPTIONS, type FormSpec } from '../field-spec';

const handedOver = when('outcome', 'handed-to-police');

/** Section 2, "Securing and handing over devices": the chain of custody of one device. */
export const deviceSpec: FormSpec = [
  { fields: [ABOUT_FIELD] },
  {
    note: 'A device the police need is confiscated, turned off and placed under lock and key until the police come to collect it. Do not look through it.',
    fields: [
      { name: 'description', label: 'Which device?', hint: 'Describe the device, not what is on it: for example “black iPhone in a red case”.', type: 'text' },
      { name: 'owner', label: 'Whose device is it?', type: 'text' },
      { name: 'confiscatedBy', label: 'Who confiscated it?', hint: 'In line with the DfE’s searching, screening and confiscation advice.', type: 'text' },
      { name: 'switchedOff', label: 'Was it turned off?', hint: 'Turn it off straight away.', type: 'radio', options: YES_NO_OPTIONS },
      { name: 'storedWhere', label: 'Where is it locked away?', hint: 'Keep it under lock and key until the police collect it.', type: 'text' },
    ],
  },
  {
    heading: 'Handing over',
    fields: [
      { name: 'outcome', label: 'Where is the device now?', type: 'radio', options: choices(DEVICE_OUTCOMES, DEVICE_OUTCOME_LABELS) },
      { name: 'handedToOfficer', label: 'Which officer was it handed to?', hint: 'Name, role and collar number.', type: 'text', showIf: handedOver },
      { name: 'handedOverOn', label: 'Date it was handed over', type: 'date', showIf: handedOver },
      { name: 'notes', label: 'Notes (optional)', type: 'textarea' },
    ],
  },
];
