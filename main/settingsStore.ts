import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AUTO_LOCK_MINUTES, LOCALE_VALUES } from '../shared/ipc/contract';
import { writeAtomically } from './sealedFile';

/** Main's own settings (not personal data): the menu language and the auto-lock delay. */
const settingsSchema = z.object({
  locale: z.enum(LOCALE_VALUES).catch('zh'),
  autoLockMinutes: z.number().int().min(AUTO_LOCK_MINUTES.min).max(AUTO_LOCK_MINUTES.max).catch(AUTO_LOCK_MINUTES.default),
});
export type DesktopSettings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: DesktopSettings = { locale: 'zh', autoLockMinutes: AUTO_LOCK_MINUTES.default };

export interface SettingsStore {
  get(): DesktopSettings;
  update(patch: Partial<DesktopSettings>): Promise<DesktopSettings>;
}

/** Read synchronously at start (the menu and the idle timer need it before the window). */
export function openSettingsStore(filePath: string): SettingsStore {
  let current = read(filePath);
  return {
    get: () => current,
    async update(patch) {
      current = { ...current, ...patch };
      await writeAtomically(filePath, JSON.stringify(current));
      return current;
    },
  };
}

function read(filePath: string): DesktopSettings {
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(readFileSync(filePath, 'utf8')));
    return parsed.success ? parsed.data : DEFAULT_SETTINGS;
  } catch {
    return DEFAULT_SETTINGS;
  }
}
