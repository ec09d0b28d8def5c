/**
 * A Firestore that is up on the network and never answers: a real HTTP/2 server that accepts every gRPC
 * call (reads, transactions, commits, queries) and holds it. What a stuck backend or a dead connection
 * behind a live proxy looks like to the client, as opposed to one that refuses at once.
 */
import { createServer, type Http2Server, type ServerHttp2Stream } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { Firestore } from 'firebase-admin/firestore';

export interface SilentFirestore {
  /** A client in emulator mode (plaintext, no Google credentials) aimed at the silent server. */
  db: Firestore;
  /** How many calls it is holding. */
  held(): number;
  /** Fail every held call and every later one (INVALID_ARGUMENT ends the client's retries), and close. */
  stop(): Promise<void>;
}

/**
 * Start one. With `refuse`, it answers every call at once with INVALID_ARGUMENT instead: a Firestore that
 * fails fast with an error that is not ours, for the paths that must turn such an error into a 500.
 */
export async function startSilentFirestore(
  projectId: string,
  options: { refuse?: boolean } = {},
): Promise<SilentFirestore> {
  const held: ServerHttp2Stream[] = [];
  let released = options.refuse ?? false;
  const fail = (stream: ServerHttp2Stream) => {
    if (stream.closed) return;
    stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
    stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': '3', 'grpc-message': 'test over' }));
    stream.end();
  };
  const server: Http2Server = createServer();
  server.on('stream', (stream) => {
    stream.on('error', () => undefined); // the client gives up on its own schedule
    if (released) fail(stream);
    else held.push(stream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const previous = process.env.FIRESTORE_EMULATOR_HOST;
  process.env.FIRESTORE_EMULATOR_HOST = `127.0.0.1:${port}`; // read by the constructor only
  let db: Firestore;
  try {
    db = new Firestore({ projectId });
  } finally {
    process.env.FIRESTORE_EMULATOR_HOST = previous;
  }
  return {
    db,
    held: () => held.filter((stream) => !stream.closed).length,
    async stop() {
      released = true;
      held.forEach(fail);
      await db.terminate();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Sessions the client keeps open would hold close() forever.
        setTimeout(resolve, 1000).unref();
      });
    },
  };
}
