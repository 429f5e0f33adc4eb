import type { StateCreator } from 'zustand';
import type { BackupStatus } from '../../shared/api/backup';
import { call } from '../api/client';
import type { StoreState } from './index';

export type BackupSlice = {
  /** This laptop's backups (null until read; `canBackUp` false on another laptop's browser). */
  backup: BackupStatus | null;
  loadBackup(): Promise<void>;
  /** Saves settings or makes a backup now, and shows the answer. */
  setBackup(status: BackupStatus): void;
};

export const createBackupSlice: StateCreator<StoreState, [], [], BackupSlice> = (set) => ({
  backup: null,
  loadBackup: async () => set({ backup: await call('backup.status', {}) }),
  setBackup: (backup) => set({ backup }),
});
