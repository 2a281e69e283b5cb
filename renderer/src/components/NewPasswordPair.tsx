import { useEffect, useState } from 'react';
import type { PasswordFeedback } from '../../../shared/ipc/contract';
import { MIN_PASSWORD_LENGTH } from '../../../shared/domain/staff';
import { call } from '../api/client';
import { TextField } from './fields';
import { NEW_PASSWORD_WORDS, retypedLabel, type NewPasswordName, type NewPasswordPurpose } from './new-password';
import type { FormErrors } from './use-form';

const STRENGTH_WORDS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'];

/**
 * How strong the password typed so far is. The judgement comes from the core (zxcvbn and
 * its dictionaries live there), which applies the same rule again when the form is sent.
 */
function PasswordStrength({ value, userInputs }: { value: string; userInputs: string[] }) {
  const [feedback, setFeedback] = useState<PasswordFeedback | null>(null);
  const inputs = userInputs.filter((s) => s.trim() !== '').join('\u0000');

  useEffect(() => {
    if (value === '') return;
    let current = true;
    const timer = setTimeout(() => {
      // A session channel, not a record: asked directly, never cached.
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
    <div className="password-feedback" aria-live="polite">
      {feedback && value !== '' ? (
        <>
          <p className={`strength strength-${feedback.acceptable ? 'ok' : 'weak'}`}>
            Strength: <strong>{STRENGTH_WORDS[feedback.score]}</strong>
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
  );
}

/**
 * A new password with live guidance on its strength, then typed again. The form's schema
 * (`withRetypedPassword`) says when the two differ.
 */
export function NewPasswordPair({
  name,
  purpose,
  value,
  retyped,
  onChange,
  onRetypedChange,
  errors,
  userInputs,
}: {
  name: NewPasswordName;
  purpose: NewPasswordPurpose;
  value: string;
  retyped: string;
  onChange: (value: string) => void;
  onRetypedChange: (value: string) => void;
  errors: FormErrors;
  /** Words an attacker would try first: names, the username, the school. */
  userInputs: string[];
}) {
  return (
    <>
      <div className="new-password">
        <TextField
          name={name}
          label={NEW_PASSWORD_WORDS[purpose]}
          type="password"
          autoComplete="new-password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. Three or four unrelated words are strong and easy to remember. Do not reuse a password from another system.`}
          value={value}
          onChange={onChange}
          error={errors[name]}
        />
        <PasswordStrength value={value} userInputs={userInputs} />
      </div>
      <TextField name="retypedPassword" label={retypedLabel(purpose)} type="password" autoComplete="new-password" value={retyped} onChange={onRetypedChange} error={errors.retypedPassword} />
    </>
  );
}
