// @y/websocket-server 0.1.1 for the fan-out bench, as its README runs it: setupWSConnection on a plain http server
// with ws, documents in memory, no persistence (YPERSISTENCE unset), on 127.0.0.1.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';
import { answerMemory } from './protocol.ts';
import type { FromRelay } from './protocol.ts';

const wss = new WebSocketServer({ noServer: true });
const server = createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/plain' });
  response.end('okay');
});
wss.on('connection', setupWSConnection);
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
process.on('SIGTERM', () => {
  for (const ws of wss.clients) ws.terminate();
  server.close(() => process.exit(0));
});
answerMemory();
process.send?.({ type: 'ready', port: (server.address() as AddressInfo).port } satisfies FromRelay);
