import { useParams } from 'react-router';
import { PageHeading } from '../../components/PageHeading';
import { MakePackagePanel } from './MakePackagePanel';

/** /transfers/:transferId/package: the package for one transfer, on a page of its own. */
export function MakePackagePage() {
  const transferId = Number(useParams()['transferId']);
  return (
    <>
      <PageHeading caption={`Transfer ${transferId}`}>Make the encrypted transfer package</PageHeading>
      <MakePackagePanel transferId={transferId} />
    </>
  );
}
