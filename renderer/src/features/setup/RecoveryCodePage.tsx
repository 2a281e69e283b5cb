import { useMemo, useState } from 'react';
import { groupRecoveryCode, normaliseRecoveryCode } from '../../../../shared/domain/recovery-code';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { PageHeading } from '../../components/PageHeading';

/** Which groups the DSL types back: two of them, so a miscopied code is caught now, not in a crisis. */
const CHECK_GROUPS = [2, 5] as const;

/**
 * The recovery code, shown once, with the check that it was written down: at set-up (the
 * page's own main landmark) and when a DSL replaces the code (inside the app's layout, which
 * has its main already, so `inApp` uses a plain wrapper and says so in the caption).
 */
export function RecoveryCodePage({ code, onConfirmed, inApp = false }: { code: string; onConfirmed: () => void; inApp?: boolean }) {
  const Wrapper = inApp ? 'div' : 'main';
  const groups = useMemo(() => groupRecoveryCode(code), [code]);
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const printedOn = useMemo(() => new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }), []);

  function confirm() {
    const next: Record<string, string> = {};
    for (const index of CHECK_GROUPS) {
      const name = `group${index + 1}`;
      if (normaliseRecoveryCode(typed[name] ?? '') !== groups[index]) next[name] = `Group ${index + 1} does not match the code shown`;
    }
    setErrors(next);
    if (Object.keys(next).length === 0) onConfirmed();
  }

  return (
    <Wrapper className="narrow" {...(inApp ? {} : { id: 'main' })}>
      <PageHeading caption={inApp ? 'A new recovery code' : 'First-time set-up'}>Keep this recovery code safe</PageHeading>
      <div className="warning-text" role="note">
        <strong>This code is shown once.</strong> Anyone who has it can reset any password and open every record. If every DSL
        forgets their password and the code is lost, the records cannot be opened by anyone.
      </div>
      <section className="recovery-sheet" aria-labelledby="recovery-title">
        <h2 id="recovery-title">Recovery code</h2>
        <p className="recovery-code" aria-label={`Recovery code: ${groups.join(', ')}`}>
          {groups.map((group, index) => (
            <span key={index} className="recovery-group" data-group={group}>
              <span className="recovery-group-number">{index + 1}</span>
              {group}
            </span>
          ))}
        </p>
        <p>Created {printedOn}. Store it in the school safe, in a sealed envelope, away from this computer.</p>
      </section>
      <p>
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          Print this page
        </button>
      </p>
      <h2>Check you have it</h2>
      <p>Type two groups from the code, as a check that it was written down correctly.</p>
      <ErrorSummary errors={errors} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          confirm();
        }}
      >
        {CHECK_GROUPS.map((index) => {
          const name = `group${index + 1}`;
          return (
            <TextField
              key={name}
              name={name}
              label={`Group ${index + 1}`}
              width="short"
              value={typed[name] ?? ''}
              onChange={(v) => setTyped((current) => ({ ...current, [name]: v }))}
              error={errors[name]}
            />
          );
        })}
        <button type="submit" className="button">
          I have stored the code — continue
        </button>
      </form>
    </Wrapper>
  );
}
