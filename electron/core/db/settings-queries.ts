import { z } from 'zod';
import type { Executor } from './connection';

const settingRow = z.object({ key: z.string(), value: z.string() });

const SETTING_KEYS = ['schoolName', 'schoolUrn', 'lockMinutes', 'backupFolder', 'backupKeep', 'lastBackupAt', 'lastBackupFile', 'draftDays', 'retentionRule', 'pupilImportColumns', 'dslTraining'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export async function readSettings(tx: Pick<Executor, 'all'>): Promise<Partial<Record<SettingKey, string>>> {
  const rows = await tx.all('SELECT key, value FROM settings');
  const settings: Partial<Record<SettingKey, string>> = {};
  for (const row of rows) {
    const { key, value } = settingRow.parse(row);
    if ((SETTING_KEYS as readonly string[]).includes(key)) settings[key as SettingKey] = value;
  }
  return settings;
}

export async function writeSetting(tx: Executor, key: SettingKey, value: string): Promise<void> {
  await tx.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [
    key,
    value,
  ]);
}
