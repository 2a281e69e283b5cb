import type { IncidentKind } from '../../../../shared/domain/incidents';
import { AdultInvolvedWarning } from './AdultInvolvedWarning';

/**
 * The steer to the police for a kind that is a police matter, worded for that kind. Sexual
 * extortion (decision 0021): the NCA asks schools to "Refer concerns, if disclosed or
 * discovered, to local police and/or local authority children's services", and advises
 * "Avoid deleting anything … that could be used as evidence such as messages, images,
 * telephone numbers, and bank account details" (docs/guidance-2024.md S3); staff never view or
 * copy the imagery (S2).
 */
export function PoliceMatterWarning({ kind }: { kind: IncidentKind }) {
  if (kind === 'sexual-extortion') {
    return (
      <div className="warning-text" role="alert">
        <strong>Refer to the police now, and to children’s social care.</strong> Threatening to share nudes or semi-nudes of a young
        person unless they pay or send more is sexual extortion, a crime: the National Crime Agency asks schools to refer it to the local
        police and children’s social care, not to handle it in school. Do not delete anything that could be evidence (messages,
        usernames, telephone numbers, payment details), and do not view or copy any image yourself. Record the police report on this
        incident.
        <p className="hint">Source: NCA CEOP Education alert on financially motivated sexual extortion, 29 April 2024.</p>
      </div>
    );
  }
  return <AdultInvolvedWarning />;
}
