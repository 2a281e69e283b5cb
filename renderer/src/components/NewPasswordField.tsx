import { useEffect, useState } from 'react';
import type { PasswordFeedback } from '../../../shared/ipc/contract';
import { MIN_PASSWORD_LENGTH } from '../../../shared/domain/staff';
import { call } from '../api/client';
import { TextField } from './fields';

const WORDS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'];

/**
 * A new password with live guidance. The judgement comes from the core (zxcvbn and its
 * dictionaries live there), which applies the same rule again when the form is sent.
 */
export function NewPasswordField({
  name,
  label,
  value,
  onChange,
  error,
  userInputs,
}: {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  /** Words an attacker would try first: names, the username, the school. */
  userInputs: string[];
}) {
  const [feedback, setFeedback] = useState<PasswordFeedback | null>(null);
  const inputs = userInputs.filter((s) => s.trim() !== '').join('\u0000');

  useEffect(() => {
    if (value === '') return;
    let current = true;
    const timer = setTimeout(() => {
      void call('password.check', { password: value, userInputs: inputs === '' ? [] : inputs.split('\u0000') }).then((result) => {
        if (current && result.ok) setFeedback(result.value);
      });
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [value, inputs]);

  return (
    <div className="new-password">
      <TextField
        name={name}
        label={label}
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. Three or four unrelated words are strong and easy to remember. Do not reuse a password from another system.`}
        value={value}
        onChange={onChange}
        error={error}
      />
      <div className="password-feedback" aria-live="polite">
        {feedback && value !== '' ? (
          <>
            <p className={`strength strength-${feedback.acceptable ? 'ok' : 'weak'}`}>
              Strength: <strong>{WORDS[feedback.score]}</strong>
              {feedback.acceptable ? ' — good enough' : ' — not strong enough yet'}
            </p>
            {feedback.warning ? <p className="hint">{feedback.warning}</p> : null}
            {!feedback.acceptable && feedback.suggestions.length > 0 ? (
              <ul className="hint">
                {feedback.suggestions.map((s) => (
                  <li key={s}>{s}</li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>
    </div>
  );
}
