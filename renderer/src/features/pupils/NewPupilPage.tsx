import { Link, useNavigate } from 'react-router';
import { PageHeading } from '../../components/PageHeading';
import { useCan } from '../../app/use-can';
import { PupilForm } from './PupilForm';

export function NewPupilPage() {
  const navigate = useNavigate();
  const canAdd = useCan('pupils.create');
  if (!canAdd) {
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
