import type { NationalService } from '../../../../shared/domain/contacts/national-services';
import { formatDate } from '../../../../shared/domain/dates';

/**
 * One national service: what it is for, how to reach it, and when and where its details
 * were checked. Addresses are shown to be typed or copied, not followed: the window opens no
 * outside page (electron/main/security.ts).
 */
export function NationalServiceDetails({ service, headingLevel }: { service: NationalService; headingLevel: 'h3' | 'h4' }) {
  const Heading = headingLevel;
  return (
    <div className="contact" aria-label={service.name} role="group">
      <Heading className="contact-title">{service.name}</Heading>
      <p className="hint">{service.by}</p>
      <p>{service.forWhat}</p>
      <dl className="summary-list">
        {service.phone ? (
          <div>
            <dt>Phone</dt>
            <dd>{service.phone}</dd>
          </div>
        ) : null}
        {service.email ? (
          <div>
            <dt>Email</dt>
            <dd>{service.email}</dd>
          </div>
        ) : null}
        <div>
          <dt>Web address</dt>
          <dd className="web-address">{service.web}</dd>
        </div>
      </dl>
      <p className="hint">
        Details checked {formatDate(service.checkedOn)}. Source: <span className="web-address">{service.source}</span>
      </p>
    </div>
  );
}
