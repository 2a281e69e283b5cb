import type { Scenario } from '../../../../shared/practice/scenarios';

/** A scenario as the person practising reads it: the app's retelling and where it comes from. */
export function ScenarioText({ scenario }: { scenario: Scenario }) {
  return (
    <>
      <p>{scenario.retelling}</p>
      <p className="hint">
        Retold from {scenario.citation}. Names are never given: add the people as you would on a real incident, as fictional names or
        descriptions.
      </p>
    </>
  );
}
