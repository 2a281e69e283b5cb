import { join } from 'node:path';
import type { LockReason } from './core-api';
import type { UnlockedSession } from './session/session';
import { KeyslotStore } from './vault/keyslots';
import { LoginThrottle } from './session/login-throttle';

/** Where exported documents go and what they are made with. */
export type ExportConfig = {
  chooseSavePath: ((suggestedFileName: string) => Promise<string | null>) | undefined;
  fontsDir: string;
};

export type DataPaths = { dataDir: string; database: string; keyslots: string; loginFailures: string };

export function dataPaths(dataDir: string): DataPaths {
  return {
    dataDir,
    database: join(dataDir, 'records.db'),
    keyslots: join(dataDir, 'keyslots.json'),
    loginFailures: join(dataDir, 'login-failures.json'),
  };
}

/** The core's state, shared by every handler. */
export class CoreContext {
  session: UnlockedSession | null = null;
  readonly paths: DataPaths;
  readonly keyslots: KeyslotStore;
  readonly throttle: LoginThrottle;

  constructor(
    dataDir: string,
    readonly appVersion: string,
    readonly now: () => Date,
    readonly lock: (reason: LockReason) => Promise<void>,
    readonly exports: ExportConfig,
  ) {
    this.paths = dataPaths(dataDir);
    this.keyslots = new KeyslotStore(this.paths.keyslots);
    this.throttle = new LoginThrottle(this.paths.loginFailures);
  }
}

/** The context a handler of a signed-in channel gets: the session is certainly there. */
export type SessionContext = CoreContext & { session: UnlockedSession };
