import { useEffect, useState } from 'react';
import type { Output } from '../../../shared/ipc/contract';
import { call } from '../api/client';
import { useRead } from '../api/queries';

type AppInfo = Output<'app.info'>;

function Footer({ info }: { info: AppInfo }) {
  return (
    <footer className="footer" aria-label="About this installation">
      <span data-testid="footer-version">Version {info.version}</span>
      <span>
        Data folder: <code data-testid="footer-data-dir">{info.dataDir}</code>
      </span>
      <span>{info.setUp ? 'Encrypted records set up on this computer' : 'Not set up yet'}</span>
    </footer>
  );
}

/** Version and data folder on every screen, for the IT technician who backs the folder up. */
export function InstallationFooter() {
  const loaded = useRead('app.info', {});
  return loaded.state === 'ready' ? <Footer info={loaded.value} /> : null;
}

/**
 * The same footer on the sign-in and set-up screens, asked for outside the query cache: the
 * cache is empty whenever the records are locked, and stays so.
 */
export function SignedOutInstallationFooter() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    let current = true;
    void call('app.info', {}).then((result) => {
      if (current && result.ok) setInfo(result.value);
    });
    return () => {
      current = false;
    };
  }, []);
  return info ? <Footer info={info} /> : null;
}
