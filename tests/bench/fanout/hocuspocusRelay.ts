// Hocuspocus 3.4.4 for the fan-out bench: its own Server, documents in memory (no extensions), quiet, on 127.0.0.1.
import { Server } from '@hocuspocus/server';
import { answerMemory } from './protocol.ts';
import type { FromRelay } from './protocol.ts';

const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false });
await server.listen();
process.on('SIGTERM', () => {
  void server.destroy().finally(() => process.exit(0));
});
answerMemory();
process.send?.({ type: 'ready', port: server.address.port } satisfies FromRelay);
