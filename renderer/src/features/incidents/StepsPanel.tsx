import { Link } from 'react-router';
import { STEPS, type StepId } from '../../../../shared/domain/completeness';
import { ENTRY_KIND_DEFINITIONS, type EntryKind } from '../../../../shared/domain/entries/kinds';
import type { IncidentDetail } from '../../../../shared/ipc/contract';
import { recordPath } from './record-links';

type StepState = 'missing' | 'to-do' | 'awaiting' | 'done' | 'not-started';
const STATE_TEXT: Record<StepState, string> = {
  missing: 'Missing',
  'to-do': 'Still to do',
  awaiting: 'Awaiting signature',
  done: 'Recorded',
  'not-started': 'Nothing yet',
};

/** The most pressing of the step's gaps decides its state: nothing recorded, then work still open, then a signature. */
function stateOf(detail: IncidentDetail, step: StepId, kinds: readonly EntryKind[]): StepState {
  const gaps = detail.gaps.filter((g) => g.step === step);
  if (gaps.some((g) => g.kind === 'missing')) return 'missing';
  if (gaps.some((g) => g.kind === 'open-task')) return 'to-do';
  if (gaps.some((g) => g.kind === 'awaiting-signature')) return 'awaiting';
  return detail.entries.some((e) => kinds.includes(e.kind)) ? 'done' : 'not-started';
}

/** The guidance's path down the side: each step's state and where to record it. */
export function StepsPanel({ detail, canRecord }: { detail: IncidentDetail; canRecord: boolean }) {
  return (
    <nav className="steps" aria-label="Steps in the guidance">
      <h2 className="steps-title">Steps</h2>
      <ol>
        {STEPS.map((step) => {
          const state = stateOf(detail, step.id, step.kinds);
          return (
            <li key={step.id} className={`step step-${state}`}>
              <span className="step-label">{step.label}</span>
              <span className={`step-state step-state-${state}`}>{STATE_TEXT[state]}</span>
              {canRecord ? (
                <ul className="step-actions">
                  {step.kinds.map((kind) => (
                    <li key={kind}>
                      <Link to={recordPath(detail.incident.id, kind)}>
                        Record: {ENTRY_KIND_DEFINITIONS[kind].label}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
