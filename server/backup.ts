// `npm run backup [target]`: copies the database in DATA_DIR while Samplan runs.
import path from 'node:path';
import { backupDatabase, defaultBackupPath } from './storage/backup.ts';

const dataDir = path.resolve(process.env.DATA_DIR ?? './data');
const target = path.resolve(process.argv[2] ?? defaultBackupPath(dataDir));

try {
  await backupDatabase(dataDir, target);
  console.log(`Backup written to ${target}`);
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
