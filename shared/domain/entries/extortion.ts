import { z } from 'zod';
import { optionalText } from '../text';
import { aboutPeople, optionalDate, YES_NO_OR_UNKNOWN } from './common';

/**
 * What the offender demanded. The NCA's alert (docs/guidance-2024.md, S3) names money and
 * "a pre-paid gift card"; offenders also demand more images.
 */
export const EXTORTION_DEMANDS = ['money', 'gift-cards', 'more-images', 'other'] as const;
export const EXTORTION_DEMAND_LABELS: Record<(typeof EXTORTION_DEMANDS)[number], string> = {
  money: 'Money',
  'gift-cards': 'Pre-paid gift cards',
  'more-images': 'More nudes or semi-nudes',
  other: 'Something else',
};

/** What was kept as evidence: the NCA advises keeping "messages, images, telephone numbers, and bank account details" (S3); staff keep no image. */
export const EXTORTION_EVIDENCE = ['chat-screenshots', 'usernames', 'payment-details', 'phone-numbers'] as const;
export const EXTORTION_EVIDENCE_LABELS: Record<(typeof EXTORTION_EVIDENCE)[number], string> = {
  'chat-screenshots': 'Screenshots of the chat (not of any image)',
  usernames: 'The offender’s usernames or account links',
  'payment-details': 'Payment details asked for (bank account, gift card, payment app)',
  'phone-numbers': 'Telephone numbers',
};

/**
 * Financially motivated sexual extortion ("sextortion", NCA-CEOP alert of 29 April 2024,
 * docs/guidance-2024.md S3): the threat, the demand and what the young person did. Most
 * answers may not be known when the DSL first records it, so they are optional or 'unknown'.
 */
export const extortionBody = z
  .object({
    about: aboutPeople,
    firstContactWhere: optionalText(200),
    movedTo: optionalText(200),
    threatOn: optionalDate,
    demands: z.array(z.enum(EXTORTION_DEMANDS, { error: 'Choose what was demanded' })).max(EXTORTION_DEMANDS.length).default([]),
    demandDetails: optionalText(1000),
    amount: optionalText(80),
    paymentMethod: optionalText(300),
    paidOrSent: z.enum(YES_NO_OR_UNKNOWN, { error: 'Say whether anything was paid or sent' }),
    paidOrSentDetails: optionalText(1000),
    imageShared: z.enum(YES_NO_OR_UNKNOWN, { error: 'Say whether the image was actually shared' }),
    blockedAndReported: z.enum(YES_NO_OR_UNKNOWN, { error: 'Say whether the account was blocked and reported' }),
    evidenceKept: z.array(z.enum(EXTORTION_EVIDENCE, { error: 'Choose what was kept' })).max(EXTORTION_EVIDENCE.length).default([]),
    evidenceWhere: optionalText(300),
    notes: optionalText(4000),
  })
  .refine((b) => !b.demands.includes('other') || b.demandDetails !== '', {
    path: ['demandDetails'],
    message: 'Say what else was demanded',
  });
export type ExtortionBody = z.output<typeof extortionBody>;

/** "Threat and demand recorded: money, pre-paid gift cards (£200). Paid or sent: no." */
export function extortionSummary(b: ExtortionBody): string {
  const demands = b.demands.map((d) => EXTORTION_DEMAND_LABELS[d].toLowerCase()).join(', ');
  const demand = demands === '' ? 'demand not yet known' : `demanded ${demands}${b.amount ? ` (${b.amount})` : ''}`;
  const paid = { yes: 'something was paid or sent', no: 'nothing was paid or sent', unknown: 'not known whether anything was paid or sent' }[b.paidOrSent];
  return `Sexual extortion: ${demand}; ${paid}.`;
}
