import { useNavigate } from 'react-router';
import { PageHeading } from '../../components/PageHeading';
import { PupilForm } from './PupilForm';

export function NewPupilPage() {
  const navigate = useNavigate();
  return (
    <>
      <PageHeading caption="Pupils">Add a pupil</PageHeading>
      <PupilForm submitLabel="Add pupil" onSaved={(pupil) => void navigate(`/pupils/${pupil.id}`)} onCancel={() => void navigate('/pupils')} />
    </>
  );
}
