// Entry point: reads the environment, starts the server, logs its URL, and closes cleanly on SIGTERM/SIGINT.
import path from 'node:path';
import { startServer } from './app.ts';
import { createLogger, errorText } from './log.ts';
import { parseAllowedOrigins } from './origin.ts';

const log = createLogger();
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = path.resolve(process.env.DATA_DIR ?? './data');
const adminToken = process.env.SAMPLAN_ADMIN_TOKEN || undefined;
const metricsToken = process.env.SAMPLAN_METRICS_TOKEN || undefined;
const staticDir = path.resolve(import.meta.dirname, '..', 'dist');

try {
  const allowedOrigins = parseAllowedOrigins(process.env.SAMPLAN_ALLOWED_ORIGINS);
  const compactAfter = positiveInteger('SAMPLAN_COMPACT_AFTER');
  const server = await startServer({
    port,
    host,
    dataDir,
    staticDir,
    log,
    ...(adminToken ? { adminToken } : {}),
    ...(metricsToken ? { metricsToken } : {}),
    allowedOrigins,
    ...(compactAfter === undefined ? {} : { compactAfter }),
  });
  log.info(`Samplan listening on ${server.url}`, {
    url: server.url,
    dataDir,
    adminTokenRequired: adminToken !== undefined,
    allowedOrigins: allowedOrigins.join(','),
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

/** An optional positive integer setting from the environment; anything else stops the start with a clear error. */
function positiveInteger(name: string): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === '') return undefined;
  if (!/^[1-9]\d{0,8}$/.test(text)) {
    throw new Error(`${name} must be a positive integer, not ${JSON.stringify(text)}`);
  }
  return Number(text);
}
