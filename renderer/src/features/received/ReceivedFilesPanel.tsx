import { Link } from 'react-router';
import { formatDate } from '../../../../shared/domain/dates';
import { useRead } from '../../api/queries';
import { useCan } from '../../app/use-can';

function ReceivedFilesList({ pupilId }: { pupilId: number }) {
  const loaded = useRead('receivedFiles.list', { pupilId });
  if (loaded.state !== 'ready' || loaded.value.length === 0) return null;
  return (
    <section aria-labelledby="received-files-heading">
      <h2 id="received-files-heading">Files received from other schools</h2>
      <ul>
        {loaded.value.map((file) => (
          <li key={file.id}>
            <Link to={`/received/${file.id}`}>
              From {file.sendingSchool}, received on {formatDate(file.importedAt.slice(0, 10))}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** On the pupil's page: the child-protection files other schools sent for them, for the DSLs who may read them. */
export function ReceivedFilesPanel({ pupilId }: { pupilId: number }) {
  return useCan('receivedFiles.list') ? <ReceivedFilesList pupilId={pupilId} /> : null;
}
