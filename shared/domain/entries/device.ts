import { z } from 'zod';
import { optionalText, requiredText } from '../text';
import { aboutPeople, optionalDate, YES_OR_NO } from './common';

export const DEVICE_OUTCOMES = ['held', 'handed-to-police', 'returned'] as const;
export const DEVICE_OUTCOME_LABELS: Record<(typeof DEVICE_OUTCOMES)[number], string> = {
  held: 'Still held by the school, locked away',
  'handed-to-police': 'Handed to the police',
  returned: 'Returned to its owner (no police involvement)',
};

/** Section 2, "Securing and handing over devices": the chain of custody of one device. */
export const deviceBody = z
  .object({
    about: aboutPeople,
    description: requiredText('Describe the device (for example “black iPhone in a red case”)', 300),
    owner: requiredText('Enter whose device it is', 300),
    confiscatedBy: requiredText('Enter who confiscated it', 160),
    switchedOff: z.enum(YES_OR_NO, { error: 'Say whether it was switched off' }),
    storedWhere: requiredText('Enter where it is locked away', 300),
    outcome: z.enum(DEVICE_OUTCOMES, { error: 'Say where the device is now' }),
    handedToOfficer: optionalText(300),
    handedOverOn: optionalDate,
    notes: optionalText(4000),
  })
  .refine((d) => d.outcome !== 'handed-to-police' || d.handedToOfficer !== '', {
    path: ['handedToOfficer'],
    message: 'Enter the officer it was handed to',
  })
  .refine((d) => d.outcome !== 'handed-to-police' || d.handedOverOn !== '', { path: ['handedOverOn'], message: 'Enter the date it was handed over' });
export type DeviceBody = z.output<typeof deviceBody>;
