// Samplan's relay for the fan-out bench, in its own process: startServer with a temp data dir, on 127.0.0.1.
import { startServer } from '../../../server/app.ts';
import { answerMemory, SAMPLAN_BENCH_LIMITS } from './protocol.ts';
import type { FromRelay } from './protocol.ts';

const dataDir = process.env.FANOUT_DATA_DIR;
if (dataDir === undefined) throw new Error('FANOUT_DATA_DIR is not set');
// The server's own logger (JSON lines on stdout, which the bench sends to a file), as in production.
const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, limits: SAMPLAN_BENCH_LIMITS });
process.on('SIGTERM', () => {
  void server.close().finally(() => process.exit(0));
});
answerMemory();
process.send?.({ type: 'ready', port: server.port } satisfies FromRelay);
