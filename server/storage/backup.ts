// A consistent copy of the database while the relay runs, through SQLite's online backup (WAL-safe).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE_NAME } from './sqlite.ts';

/** The page count that tells SQLite's backup step to copy everything that is left. */
const ALL_PAGES = 0x7fffffff;

/** Copies `dataDir`'s database to `target` (a new file) and returns the path; the running relay is not paused. */
export async function backupDatabase(dataDir: string, target: string): Promise<string> {
  const source = path.join(dataDir, DB_FILE_NAME);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await mkdir(path.dirname(target), { recursive: true });
    // All remaining pages in one step, under one read transaction: a consistent snapshot however busy the relay
    // is (page by page, each write by the relay would restart the copy, and a steady stream could starve it).
    await db.backup(target, { progress: () => ALL_PAGES });
    return target;
  } finally {
    db.close();
  }
}

/** `backups/samplan-<ISO time>.sqlite` under `dataDir`, with characters safe in file names. */
export const defaultBackupPath = (dataDir: string, now = new Date()): string =>
  path.join(dataDir, 'backups', `samplan-${now.toISOString().replace(/[:.]/g, '-')}.sqlite`);
