import type { z } from 'zod';
import type { Channel } from './channels';
import { accountChannels } from './contract-accounts';
import { backupChannels } from './contract-backups';
import { chronologyChannels } from './contract-chronology';
import { dueChannels } from './contract-due';
import { draftChannels } from './contract-drafts';
import { contactChannels } from './contract-contacts';
import { exportChannels } from './contract-exports';
import { helpChannels } from './contract-help';
import { keyChannels } from './contract-keys';
import { lifecycleChannels } from './contract-lifecycle';
import { recordChannels } from './contract-records';
import { practiceChannels } from './contract-practice';
import type { Spec } from './spec';

export type { PasswordFeedback, SessionStatus } from './contract-accounts';
export type * from './contract-records';
export type { IncidentEventView } from './contract-lifecycle';
export type { ExportChild, ExportOptions, ExportResult } from './contract-exports';
export type { BackupFile, BackupRunResult, BackupStatus } from './contract-backups';
export type { RekeyOutcomeView } from './contract-keys';
export type { DueItem, WhatIsDue } from './contract-due';
export type { PracticeSessionView } from '../domain/practice-session';

/** Every channel's input, output and access: the one source of truth for the IPC boundary. */
export const contract = {
  ...accountChannels,
  ...recordChannels,
  ...lifecycleChannels,
  ...chronologyChannels,
  ...exportChannels,
  ...backupChannels,
  ...keyChannels,
  ...helpChannels,
  ...dueChannels,
  ...draftChannels,
  ...contactChannels,
  ...practiceChannels,
} as const satisfies Record<Channel, Spec>;

export type Contract = typeof contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;
