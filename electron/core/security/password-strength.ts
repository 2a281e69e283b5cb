import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { MIN_PASSWORD_LENGTH } from '../../../shared/domain/staff';
import type { PasswordFeedback } from '../../../shared/ipc/contract';

/** zxcvbn's "safely unguessable" band: about 10^8 guesses or more. */
const MIN_SCORE = 3;

let factory: ZxcvbnFactory | undefined;

// Built on first use: the dictionaries take a moment to index and most calls never need them.
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return factory;
}

/**
 * Judges a new password. `userInputs` are words the attacker would try first: the
 * school's name, the person's name and username.
 */
export function checkPasswordStrength(password: string, userInputs: readonly string[] = []): PasswordFeedback {
  const result = zxcvbn().check(password, [...userInputs]);
  const tooShort = password.length < MIN_PASSWORD_LENGTH;
  const suggestions = [...result.feedback.suggestions];
  if (tooShort) suggestions.unshift(`Use at least ${MIN_PASSWORD_LENGTH} characters; three or four unrelated words work well.`);
  return {
    acceptable: !tooShort && result.score >= MIN_SCORE,
    score: result.score,
    warning: result.feedback.warning ?? '',
    suggestions,
  };
}

/** The message shown beside the password field when a password is refused. */
export function weakPasswordMessage(feedback: PasswordFeedback): string {
  const reason = feedback.warning || feedback.suggestions[0] || 'It would be easy to guess.';
  return `Choose a stronger password. ${reason}`.trim();
}
