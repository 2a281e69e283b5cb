import { Link } from 'react-router';
import { useRead, useWrite } from '../../api/queries';
import { draftTime } from './DraftNotice';
import { draftRoute } from './draft-route';

/**
 * On the home page after signing in: the forms the person left part-typed (a lock, a crash,
 * a restart), each to continue or discard. Only their own: the core answers with nobody else's.
 */
export function DraftsOffer() {
  const mine = useRead('drafts.mine', {});
  const discard = useWrite('drafts.discard');
  if (mine.state !== 'ready' || mine.value.length === 0) return null;
  return (
    <section aria-labelledby="drafts-title" className="panel">
      <h2 id="drafts-title">Unfinished records</h2>
      <ul>
        {mine.value.map((draft) => {
          const to = draftRoute(draft);
          return (
            <li key={draft.id}>
              You were recording {draft.description} at {draftTime(draft.savedAt)}.{' '}
              {to ? (
                <Link to={to} aria-label={`Continue recording ${draft.description}`}>
                  Continue
                </Link>
              ) : null}{' '}
              <button type="button" className="link-button" aria-label={`Discard the draft of ${draft.description}`} onClick={() => void discard({ id: draft.id })}>
                Discard
              </button>
            </li>
          );
        })}
      </ul>
      <p className="hint">Drafts are yours alone and are not part of the records until you save them.</p>
    </section>
  );
}
