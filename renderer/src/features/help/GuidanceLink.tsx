import { useId, useState } from 'react';
import { Link } from 'react-router';
import { helpSection, type HelpSectionId } from '../../../../shared/help/sections';
import { HelpSectionView } from './HelpSectionView';
import './help.css';

/**
 * "Guidance: <section>" on a form. It opens the section in a panel beside the form rather
 * than going to the Help page: the form stays on screen with everything typed, and the DSL
 * can read and type at once (a modal dialog would make them choose). The panel's link to the
 * whole Help page is an ordinary link, so the unsaved-changes guard asks before leaving.
 */
export function GuidanceLink({ sectionId }: { sectionId: HelpSectionId }) {
  const section = helpSection(sectionId);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="guidance">
      <button type="button" className="link-button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        Guidance: {section.title}
      </button>
      <aside id={panelId} className="panel guidance-panel" aria-label={`Guidance: ${section.title}`} hidden={!open}>
        {open ? (
          <HelpSectionView section={section} anchored={false}>
            <p>
              <Link to={`/help#${section.id}`}>All the guidance on the Help page</Link>{' '}
              <button type="button" className="button button-secondary button-small" onClick={() => setOpen(false)}>
                Close the guidance
              </button>
            </p>
          </HelpSectionView>
        ) : null}
      </aside>
    </div>
  );
}
