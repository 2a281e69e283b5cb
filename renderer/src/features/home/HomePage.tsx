import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { useRead } from '../../api/queries';
import { useSession } from '../../app/session-context';
import { DueSoon } from '../due/DueSoon';
import { OverdueReminder } from '../due/OverdueReminder';
import { DraftsOffer } from '../drafts/DraftsOffer';
import { Dashboard } from './Dashboard';
import { TrainingReminder } from './TrainingReminder';

export function HomePage() {
  const { status } = useSession();
  const loaded = useRead('app.info', {});
  const dashboard = useRead('dashboard.get', {});
  return (
    <>
      <PageHeading caption={status.schoolName}>Home</PageHeading>
      <p className="lead">
        Records of incidents of sharing nudes and semi-nudes by young people under 18 (called “youth produced sexual imagery” in the 2016
        UKCCIS advice “Sexting in schools and colleges”), kept as the advice sets out.
      </p>
      <OverdueReminder />
      <DraftsOffer />
      <TrainingReminder />
      <LoadState loaded={dashboard}>{(data) => <Dashboard data={data} />}</LoadState>
      <DueSoon />
      <section aria-labelledby="installation-title" className="panel">
        <h2 id="installation-title">This installation</h2>
        <LoadState loaded={loaded}>
          {(info) => (
            <dl className="summary-list">
              <div>
                <dt>App version</dt>
                <dd data-testid="app-version">{info.version}</dd>
              </div>
              <div>
                <dt>Data folder</dt>
                <dd data-testid="data-dir">
                  <code>{info.dataDir}</code>
                </dd>
              </div>
              <div>
                <dt>Set up</dt>
                <dd data-testid="set-up">{info.setUp ? 'Yes — records are encrypted on this computer' : 'Not yet'}</dd>
              </div>
              <div>
                <dt>Computer</dt>
                <dd>{info.platform}</dd>
              </div>
            </dl>
          )}
        </LoadState>
        <p className="hint">Backups of this folder are made on the Backups page, to a folder kept away from this computer.</p>
      </section>
    </>
  );
}
