import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { HELP_SECTIONS } from '../../../../shared/help/sections';
import { useCan } from '../../app/use-can';
import { HelpSectionView } from './HelpSectionView';
import { StaffSummaryPrint } from './StaffSummaryPrint';
import './help.css';

/** The guidance at hand (issue 19 item 4): every section, each at /help#<id> for the forms' links. */
export function HelpPage() {
  const { hash } = useLocation();
  const canPrintSummary = useCan('help.staffSummaryPdf');
  useEffect(() => {
    // The hash router keeps the address's own fragment in `hash`: go to that section's heading.
    const heading = hash ? document.getElementById(`${decodeURIComponent(hash.slice(1))}-title`) : null;
    heading?.scrollIntoView?.();
    heading?.focus();
  }, [hash]);
  return (
    <div className="help-page">
      <h1>Help: the guidance</h1>
      <p className="lead">
        What the advice says, in the app&rsquo;s words, with the part of the advice each piece comes from. Rules from UKCCIS
        &ldquo;Sexting in schools and colleges&rdquo; (2016) say &ldquo;UKCCIS 2016&rdquo;; S1&ndash;S5 are today&rsquo;s sources.
      </p>
      <nav aria-label="Help sections">
        <ul>
          {HELP_SECTIONS.map((section) => (
            <li key={section.id}>
              <Link to={`/help#${section.id}`}>{section.title}</Link>
            </li>
          ))}
        </ul>
      </nav>
      {HELP_SECTIONS.map((section) => (
        <HelpSectionView key={section.id} section={section} anchored>
          {section.id === 'staff-summary' && canPrintSummary ? <StaffSummaryPrint /> : null}
        </HelpSectionView>
      ))}
    </div>
  );
}
