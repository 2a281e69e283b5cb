/** The advice leaves no room for judgement here: adult involvement goes to the police now. */
export function AdultInvolvedWarning() {
  return (
    <div className="warning-text" role="alert">
      <strong>Refer to the police now.</strong> Sharing sexual imagery of someone under 18 by an adult is child sexual abuse. The
      advice says schools should always inform the police, and not handle it in school. Record the police report on this incident.
    </div>
  );
}
