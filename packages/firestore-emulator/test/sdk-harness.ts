import * as grpc from '@grpc/grpc-js';
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';
import { firestoreService } from '../src/protos';
import { createFirestoreService } from '../src/service';
import { Store } from '../src/store';

/** A gRPC server running this package's service on a free port, and a firebase-admin client pointed at it. */
export interface Harness {
  store: Store;
  db: Firestore;
  projectId: string;
  close(): Promise<void>;
}

let counter = 0;

export async function startHarness(): Promise<Harness> {
  const store = new Store();
  const server = new grpc.Server();
  server.addService(firestoreService, {
    ...createFirestoreService(store),
    Listen: (call: grpc.ServerDuplexStream<unknown, unknown>) =>
      call.emit('error', { code: grpc.status.UNIMPLEMENTED, details: 'Listen is not part of this harness' }),
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, p) =>
      err ? reject(err) : resolve(p),
    ),
  );
  process.env.FIRESTORE_EMULATOR_HOST = `127.0.0.1:${port}`;
  const projectId = `demo-engine-${process.pid}-${++counter}`;
  const app: App = initializeApp({ projectId }, projectId);
  const db = getFirestore(app);
  return {
    store,
    db,
    projectId,
    async close() {
      await deleteApp(app);
      await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
    },
  };
}
