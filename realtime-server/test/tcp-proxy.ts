/**
 * A TCP proxy between the relay's Firestore client and the emulator, so a test can cut the network under a
 * live snapshot listener — the failure the relay's listeners must survive.
 */
import { createServer, connect, type Socket } from 'node:net';

export interface TcpProxy {
  /** host:port to point a client at. */
  address: string;
  /** Destroy every open connection (new ones still get through). */
  cut(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: string): Promise<TcpProxy> {
  const [host, port] = target.split(':');
  const open = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(port), host);
    open.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const proxyPort = typeof address === 'object' && address ? address.port : 0;
  return {
    address: `127.0.0.1:${proxyPort}`,
    cut: () => open.forEach((socket) => socket.destroy()),
    close: () =>
      new Promise((resolve) => {
        open.forEach((socket) => socket.destroy());
        server.close(() => resolve());
      }),
  };
}
