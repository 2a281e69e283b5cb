import type { z } from 'zod';
import type { Channel } from './channels';
import { accountChannels } from './contract-accounts';
import { backupChannels } from './contract-backups';
import { chronologyChannels } from './contract-chronology';
import { contactChannels } from './contract-contacts';
import { exportChannels } from './contract-exports';
import { keyChannels } from './contract-keys';
import { lifecycleChannels } from './contract-lifecycle';
import { recordChannels } from './contract-records';
import type { Spec } from './spec';

export type { PasswordFeedback, SessionStatus } from './contract-accounts';
export type * from './contract-records';
export type { IncidentEventView } from './contract-lifecycle';
export type { ExportChild, ExportOptions, ExportResult } from './contract-exports';
export type { BackupFile, BackupRunResult, BackupStatus } from './contract-backups';
export type { RekeyOutcomeView } from './contract-keys';

/** Every channel's input, output and access: the one source of truth for the IPC boundary. */
export const contract = {
  ...accountChannels,
  ...recordChannels,
  ...lifecycleChannels,
  ...chronologyChannels,
  ...exportChannels,
  ...backupChannels,
  ...keyChannels,
  ...contactChannels,
} as const satisfies Record<Channel, Spec>;

export type Contract = typeof contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;
