import { Link } from 'react-router';
import { formatDate } from '../../../../shared/domain/dates';
import { useRead } from '../../api/queries';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';

/** /received: every file received from another school, newest first. */
export function ReceivedFilesPage() {
  const loaded = useRead('receivedFiles.list', {});
  return (
    <>
      <PageHeading>Files received from other schools</PageHeading>
      <p>
        <Link className="button" to="/received/open">
          Open a transfer package
        </Link>
      </p>
      <LoadState loaded={loaded}>
        {(files) =>
          files.length === 0 ? (
            <p>No files have been received yet.</p>
          ) : (
            <ul>
              {files.map((file) => (
                <li key={file.id}>
                  <Link to={`/received/${file.id}`}>
                    {file.pupilName}: from {file.sendingSchool}, received on {formatDate(file.importedAt.slice(0, 10))}
                  </Link>
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </>
  );
}
