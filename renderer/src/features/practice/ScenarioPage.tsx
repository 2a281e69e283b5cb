import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { findScenario } from '../../../../shared/practice/scenarios';
import { useWrite } from '../../api/queries';
import { useCan } from '../../app/use-can';
import { NotFoundPage } from '../../app/NotFoundPage';
import { PageHeading } from '../../components/PageHeading';
import { FeedbackCaveat } from './FeedbackCaveat';
import { ScenarioText } from './ScenarioText';
import { usePracticeMode } from './use-practice-mode';

/** One practice scenario, and the way into working it as a practice incident. */
export function ScenarioPage() {
  const scenario = findScenario(useParams().scenarioId ?? '');
  const canStart = useCan('practice.startScenario');
  const practising = usePracticeMode();
  const start = useWrite('practice.startScenario');
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  if (!scenario) return <NotFoundPage />;

  const onStart = async () => {
    setStarting(true);
    const result = await start({ scenarioId: scenario.id });
    setStarting(false);
    if (result.ok) void navigate(`/incidents/${result.value.incidentId}`);
    else setProblem(result.error.message);
  };

  return (
    <>
      <PageHeading caption="Practice scenario">{scenario.name}</PageHeading>
      <p>
        <Link to="/practice/scenarios">All practice scenarios</Link>
      </p>
      <section className="panel" aria-labelledby="scenario-text-title">
        <h2 id="scenario-text-title">What happened</h2>
        <ScenarioText scenario={scenario} />
      </section>
      <p>
        Starting opens a practice incident, “Practice: {scenario.name.toLowerCase()}”, on the incident page you use for real ones. Add the
        people and their parts, then hold the initial review and record your decision. The scenario stays beside you on the incident page.
      </p>
      <FeedbackCaveat />
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      {!practising ? (
        <p>
          Scenarios are worked in the practice records, never the school’s: <Link to="/practice">open practice mode</Link> first, then come back
          to this scenario.
        </p>
      ) : canStart ? (
        <button type="button" className="button" disabled={starting} onClick={() => void onStart()}>
          Start this scenario
        </button>
      ) : (
        <p>Only the DSL or a deputy DSL can work a practice scenario.</p>
      )}
    </>
  );
}
