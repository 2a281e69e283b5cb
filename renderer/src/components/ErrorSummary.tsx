import { useEffect, useRef } from 'react';
import { fieldId } from './fields';

/**
 * GOV.UK's error summary: focused when it appears, each message a link to its field. The
 * links move focus themselves, because the router owns the URL's #fragment.
 */
export function ErrorSummary({
  errors,
  labels,
  formError,
}: {
  errors: Record<string, string>;
  /** Field names in the order they appear on the form, with the words to show. */
  labels?: Record<string, string>;
  formError?: string | null;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const visible = entries.length > 0 || Boolean(formError);
  const signature = `${formError ?? ''}|${entries.map(([k, v]) => `${k}:${v}`).join('|')}`;

  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [visible, signature]);

  if (!visible) return null;
  const order = labels ? Object.keys(labels) : [];
  entries.sort(([a], [b]) => (order.indexOf(a) === -1 ? 99 : order.indexOf(a)) - (order.indexOf(b) === -1 ? 99 : order.indexOf(b)));
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 className="error-summary-title" id="error-summary-title">
        There is a problem
      </h2>
      <ul className="error-summary-list">
        {formError ? <li>{formError}</li> : null}
        {entries.map(([name, message]) => (
          <li key={name}>
            <a
              href={`#${fieldId(name)}`}
              onClick={(event) => {
                event.preventDefault();
                const target = document.getElementById(fieldId(name));
                target?.focus();
                target?.scrollIntoView({ block: 'center' });
              }}
            >
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
