import { DEFAULT_RULE_REASON } from '../../../../shared/domain/retention';

/** Why the app's default is 75 years from recording: shown on the retention page and in Settings. */
export function RuleReason() {
  return (
    <details className="hint">
      <summary>Why 75 years by default?</summary>
      <p>{DEFAULT_RULE_REASON}</p>
    </details>
  );
}
