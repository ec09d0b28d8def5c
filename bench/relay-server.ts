/**
 * The server half of bench/relay.ts, in its own process so its memory is its own:
 *   relay     the relay exactly as deployed (createRelay), timed where its feeds hand a message to Socket.IO;
 *   baseline  a plain Socket.IO server whose rooms the parent fills with `io.to(room).emit` over IPC.
 * Talks to its parent over IPC: `ready`, then answers `memory`, `probes`, `emit` and `stop`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { Server } from 'socket.io';
import type { Adapter } from 'socket.io-adapter';
import { parseConfig } from '../realtime-server/src/config';
import { createRelay } from '../realtime-server/src/server';

type Request =
  | { type: 'memory' }
  | { type: 'probes' }
  | { type: 'emit'; room: string; payload: unknown }
  | { type: 'stop' };

const now = () => performance.timeOrigin + performance.now();
const send = (message: unknown) => process.send?.(message);

function memory() {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const usage = process.memoryUsage();
  return { rss: usage.rss, heapUsed: usage.heapUsed };
}

/**
 * Records when each `message:new` enters the adapter's broadcast: the moment the relay's Firestore listener
 * callback hands the message to its room (the relay has one adapter per namespace; without Redis it is
 * the in-memory one, called synchronously from the feed). A probe kept here, not in the relay's source.
 */
function timeListened(adapter: Adapter, listened: Array<[string, number]>): void {
  const broadcast = adapter.broadcast.bind(adapter);
  adapter.broadcast = (packet, opts) => {
    const [event, payload] = (packet as { data?: unknown[] }).data ?? [];
    if (event === 'message:new') listened.push([(payload as { id: string }).id, now()]);
    broadcast(packet, opts);
  };
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  const listened: Array<[string, number]> = [];
  const emitted: Array<[string, number]> = [];
  let stop: () => Promise<void>;
  let io: Server | undefined;
  let url: string;

  if (mode === 'relay') {
    const app = initializeApp({ projectId: process.env.GCLOUD_PROJECT });
    const relay = await createRelay({
      config: parseConfig({
        APP_ENV: 'test',
        PORT: '0',
        GCLOUD_PROJECT: process.env.GCLOUD_PROJECT,
        EVENTS_PER_SECOND: '1000',
        LISTENER_CHECK_MS: '30000',
        REVOCATION_CHECK_MS: '600000',
      }),
      auth: getAuth(app),
      db: getFirestore(app),
      log: () => undefined,
    });
    timeListened(relay.io.of('/chat').adapter, listened);
    url = relay.url;
    stop = () => relay.close();
  } else if (mode === 'baseline') {
    const http = createServer();
    io = new Server(http, { maxHttpBufferSize: 16_384, serveClient: false });
    io.of('/chat').on('connection', (socket) => {
      socket.on('join', (room: string, ack: () => void) => {
        void socket.join(room);
        ack();
      });
    });
    await new Promise<void>((resolve) => http.listen(0, resolve));
    url = `http://localhost:${(http.address() as AddressInfo).port}`;
    stop = () => new Promise((resolve) => io?.close(() => resolve()));
  } else {
    throw new Error('usage: relay-server.ts relay | baseline');
  }

  process.on('message', (request: Request) => {
    switch (request.type) {
      case 'memory':
        return send({ type: 'memory', ...memory() });
      case 'probes':
        return send({ type: 'probes', listened, emitted });
      case 'emit': {
        const payload = request.payload as { id: string };
        emitted.push([payload.id, now()]);
        io?.of('/chat').to(request.room).emit('message:new', payload);
        return;
      }
      case 'stop':
        return void stop().then(() => process.exit(0));
    }
  });
  send({ type: 'ready', url });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
