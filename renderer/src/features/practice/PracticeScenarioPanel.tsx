import { useState } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../../../shared/domain/dates';
import { practiceFeedback } from '../../../../shared/practice/feedback';
import { findScenario } from '../../../../shared/practice/scenarios';
import type { IncidentDetail, PracticeSessionView } from '../../../../shared/ipc/contract';
import { useRead, useWrite } from '../../api/queries';
import { useCan } from '../../app/use-can';
import { PracticeFeedback } from './PracticeFeedback';
import { ScenarioText } from './ScenarioText';

function Worked({ practice, detail }: { practice: PracticeSessionView; detail: IncidentDetail }) {
  const scenario = findScenario(practice.scenarioId);
  const canComplete = useCan('practice.complete');
  const complete = useWrite('practice.complete');
  const [problem, setProblem] = useState<string | null>(null);
  if (!scenario) return null;
  const feedback = practiceFeedback(scenario, detail);
  return (
    <section className="panel" aria-labelledby="practice-scenario-title">
      <h2 id="practice-scenario-title">Practice scenario: {scenario.name.toLowerCase()}</h2>
      <ScenarioText scenario={scenario} />
      {feedback ? (
        <PracticeFeedback feedback={feedback} />
      ) : (
        <p>Add the people and their parts, then record the initial review: what the guidance’s rules imply will then be shown here, beside your answers.</p>
      )}
      {practice.completedAt ? (
        <p>
          Marked complete on {formatDateTime(practice.completedAt)}. It is in the <Link to="/practice/scenarios/training-log">training log</Link>.
        </p>
      ) : feedback && canComplete ? (
        <>
          {problem ? (
            <p className="field-error" role="alert">
              {problem}
            </p>
          ) : null}
          <button
            type="button"
            className="button"
            onClick={() =>
              void complete({ practiceSessionId: practice.id }).then((result) => setProblem(result.ok ? null : result.error.message))
            }
          >
            Mark this practice complete
          </button>
        </>
      ) : null}
    </section>
  );
}

/** On a practice incident, the scenario it works through and the feedback; on any other incident, nothing. */
export function PracticeScenarioPanel({ detail }: { detail: IncidentDetail }) {
  const loaded = useRead('practice.forIncident', { incidentId: detail.incident.id });
  // Quiet while loading or if the question fails: this panel is never what the incident page is for.
  const practice = loaded.state === 'ready' ? loaded.value.session : null;
  return practice ? <Worked practice={practice} detail={detail} /> : null;
}
