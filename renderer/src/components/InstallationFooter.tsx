import { useRead } from '../api/queries';

/** Version and data folder on every screen, for the IT technician who backs the folder up. */
export function InstallationFooter() {
  const loaded = useRead('app.info', {});
  if (loaded.state !== 'ready') return null;
  const info = loaded.value;
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
