import { Link } from 'react-router';
import { PRACTICE_MARK } from '../../../../shared/domain/practice';
import './practice.css';

/** On every screen while practising; it cannot be dismissed, only left by returning to the real records. */
export function PracticeBanner() {
  return (
    <div className="banner practice-banner" role="status" data-testid="practice-banner">
      <span>{PRACTICE_MARK}</span>
      <Link to="/practice">Return to the real records</Link>
    </div>
  );
}
