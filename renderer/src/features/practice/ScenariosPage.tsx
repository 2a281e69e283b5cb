import { Link } from 'react-router';
import { SCENARIOS, type Scenario } from '../../../../shared/practice/scenarios';
import { PageHeading } from '../../components/PageHeading';
import { FeedbackCaveat } from './FeedbackCaveat';

function ScenarioList({ scenarios }: { scenarios: readonly Scenario[] }) {
  return (
    <ul className="scenario-list">
      {scenarios.map((s) => (
        <li key={s.id}>
          <Link to={`/practice/scenarios/${s.id}`}>{s.name}</Link>: {s.retelling.split('. ')[0]}.
        </li>
      ))}
    </ul>
  );
}

/** The practice scenarios (issue 22 item 2): section 2's two case studies, then Annex F's fifteen. */
export function ScenariosPage() {
  return (
    <>
      <PageHeading caption="Practice">Practice scenarios</PageHeading>
      <p>
        Work one of the guidance’s own case studies through the real forms: add the people and their parts, hold the initial review and
        record the decision. Afterwards the app shows what the guidance’s rules imply beside your answers.
      </p>
      <FeedbackCaveat />
      <p>
        <Link to="/practice/scenarios/training-log">Training log</Link> (practice scenarios completed, by whom and when)
      </p>
      <section aria-labelledby="section-2-title">
        <h2 id="section-2-title">Case studies A and B (section 2)</h2>
        <ScenarioList scenarios={SCENARIOS.filter((s) => s.group === 'section-2')} />
      </section>
      <section aria-labelledby="annex-f-title">
        <h2 id="annex-f-title">Case studies 1 to 15 (Annex F)</h2>
        <ScenarioList scenarios={SCENARIOS.filter((s) => s.group === 'annex-f')} />
      </section>
    </>
  );
}
