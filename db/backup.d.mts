export function checkDatabase(file: string): Record<string, number>;
export function writeBackup(options: { databasePath: string; mediaPath: string; backupDir: string; name: string }): {
  path: string;
  bytes: number;
  tables: Record<string, number>;
  pictures: number;
};
export function removeBackups(backupDir: string, names: readonly string[]): void;
export function serversFolder(databasePath: string): string;
export function registerServer(databasePath: string): void;
export function runningServers(databasePath: string): number[];
export function readBackup(folder: string): {
  manifest: { name: string; createdAt: string; tables: Record<string, number>; pictures: number };
  tables: Record<string, number>;
};
export function restoreBackup(options: { backupPath: string; databasePath: string; mediaPath: string; now?: Date }): {
  restored: string;
  keptAs: string | null;
  tables: Record<string, number>;
  pictures: number;
};
