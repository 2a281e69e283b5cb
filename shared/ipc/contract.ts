import type { z } from 'zod';
import type { Channel } from './channels';
import { accountChannels } from './contract-accounts';
import { backupChannels } from './contract-backups';
import { chronologyChannels } from './contract-chronology';
import { dueChannels } from './contract-due';
import { draftChannels } from './contract-drafts';
import { contactChannels } from './contract-contacts';
import { transferPackageChannels } from './contract-transfer-package';
import { destructionChannels } from './contract-destruction';
import { exportChannels } from './contract-exports';
import { helpChannels } from './contract-help';
import { keyChannels } from './contract-keys';
import { lifecycleChannels } from './contract-lifecycle';
import { pupilImportChannels } from './contract-pupil-import';
import { recordChannels } from './contract-records';
import { retentionChannels } from './contract-retention';
import { transferChannels } from './contract-transfers';
import { practiceModeChannels } from './contract-practice-mode';
import { practiceChannels } from './contract-practice';
import { trainingChannels } from './contract-training';
import type { Spec } from './spec';

export type { PasswordFeedback, SessionStatus } from './contract-accounts';
export type * from './contract-records';
export type { IncidentEventView } from './contract-lifecycle';
export type { ExportChild, ExportOptions, ExportResult } from './contract-exports';
export type { BackupFile, BackupRunResult, BackupStatus } from './contract-backups';
export type { RekeyOutcomeView } from './contract-keys';
export type { DueItem, WhatIsDue } from './contract-due';
export type { ReceivedPreview } from './contract-transfer-package';
export type { LegalHoldView, RecordTarget, RetentionItem } from './contract-retention';
export type { TransferView } from './contract-transfers';
export type { DestructionPreview } from './contract-destruction';
export type { ImportPreview } from './contract-pupil-import';
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
  ...transferPackageChannels,
  ...retentionChannels,
  ...transferChannels,
  ...destructionChannels,
  ...practiceModeChannels,
  ...pupilImportChannels,
  ...practiceChannels,
  ...trainingChannels,
} as const satisfies Record<Channel, Spec>;

export type Contract = typeof contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = z.output<Contract[C]['output']>;
