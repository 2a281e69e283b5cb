import { Link, useNavigate } from 'react-router';
import { PageHeading } from '../../components/PageHeading';
import { useHasRole } from '../../app/session-context';
import { PupilForm } from './PupilForm';

export function NewPupilPage() {
  const navigate = useNavigate();
  const canRecord = useHasRole('dsl', 'deputy');
  if (!canRecord) {
    return (
      <>
        <PageHeading caption="Pupils">Add a pupil</PageHeading>
        <p>Only the Designated Safeguarding Lead or a deputy can add pupils.</p>
        <p>
          <Link to="/pupils">Back to pupils</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeading caption="Pupils">Add a pupil</PageHeading>
      <p>Check the register first: a pupil with the same name and date of birth cannot be added twice.</p>
      <PupilForm submitLabel="Add pupil" onSaved={(pupil) => void navigate(`/pupils/${pupil.id}`)} onCancel={() => void navigate('/pupils')} />
    </>
  );
}
