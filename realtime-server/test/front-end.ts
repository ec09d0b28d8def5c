/**
 * A front end before several relay instances, standing in for Cloud Run's: one address for the clients, and
 * each new TCP connection handed to one of the instances it currently routes to (round robin). When an
 * instance dies, the connections it held close and the clients' reconnects land on the survivors. A plain
 * TCP relay, so WebSocket upgrades pass through untouched.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { Harness } from './support';

export interface FrontEnd {
  /** `http://127.0.0.1:<port>`, for the clients. */
  url: string;
  /** Route new connections to exactly these instances (their `http://host:port` URLs). */
  routeTo(urls: string[]): void;
  /** Stop routing to this instance (it is about to die, or died). */
  drop(url: string): void;
  /** Route to this instance too. */
  add(url: string): void;
  /** How many connections were handed to an instance so far. */
  readonly handed: number;
}

/** Start a front end on a free port; the Harness closes it (and every connection through it) at cleanup. */
export async function startFrontEnd(h: Harness, urls: string[] = []): Promise<FrontEnd> {
  let targets = [...urls];
  let turn = 0;
  let handed = 0;
  const open = new Set<Socket>();
  const track = (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  };
  const server: Server = createServer((client) => {
    track(client);
    const target = targets[turn++ % Math.max(1, targets.length)];
    if (!target) {
      // Nothing to route to: refuse, as a front end with no healthy instance does; the client retries.
      client.destroy();
      return;
    }
    handed += 1;
    const { hostname, port } = new URL(target);
    const upstream = createConnection({
      host: hostname === 'localhost' ? '127.0.0.1' : hostname,
      port: +port,
    });
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    // Either side ending ends both: a dead instance's clients see their transport close at once.
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.once('close', end);
    upstream.once('close', end);
    client.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  h.defer(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return {
    url: `http://127.0.0.1:${port}`,
    routeTo(next) {
      targets = [...next];
    },
    drop(url) {
      targets = targets.filter((t) => t !== url);
    },
    add(url) {
      if (!targets.includes(url)) targets.push(url);
    },
    get handed() {
      return handed;
    },
  };
}
