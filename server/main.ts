// Entry point: reads the environment, starts the server, logs its URL, and closes cleanly on SIGTERM/SIGINT.
import path from 'node:path';
import { startServer } from './app.ts';
import { createLogger, errorText } from './log.ts';

const log = createLogger();
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = path.resolve(process.env.DATA_DIR ?? './data');
const adminToken = process.env.SAMPLAN_ADMIN_TOKEN || undefined;
const staticDir = path.resolve(import.meta.dirname, '..', 'dist');

try {
  const server = await startServer({
    port,
    host,
    dataDir,
    staticDir,
    log,
    ...(adminToken ? { adminToken } : {}),
  });
  log.info(`Samplan listening on ${server.url}`, {
    url: server.url,
    dataDir,
    adminTokenRequired: adminToken !== undefined,
  });
  const stop = (signal: string): void => {
    log.info('shutting down', { signal });
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('shutdown failed', { error: errorText(error) });
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
} catch (error) {
  log.error('could not start', { error: errorText(error) });
  process.exit(1);
}
