/**
 * Child process of bench/firestore-emulator.ts: a bare grpc-js server of the Firestore service, loaded from
 * the protos the SDK ships, whose Commit answers at once. The transport baseline for an empty Commit, in a
 * process of its own like the emulator: no connection routing, no engine.
 *
 *   parent → { type: 'stop' }  child exits
 */
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

async function main(): Promise<void> {
  const protos = path.join(
    path.dirname(require.resolve('@google-cloud/firestore/package.json')),
    'build',
    'protos',
  );
  const definition = protoLoader.loadSync('google/firestore/v1/firestore.proto', { includeDirs: [protos] });
  const loaded = grpc.loadPackageDefinition(definition) as unknown as {
    google: { firestore: { v1: { Firestore: { service: grpc.ServiceDefinition } } } };
  };
  const server = new grpc.Server();
  server.addService(loaded.google.firestore.v1.Firestore.service, {
    Commit: (_call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) =>
      callback(null, { writeResults: [] }),
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, bound) =>
      err ? reject(err) : resolve(bound),
    ),
  );
  process.on('message', (message: { type?: string }) => {
    if (message.type !== 'stop') return;
    server.forceShutdown();
    process.exit(0);
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ type: 'ready', hostAndPort: `127.0.0.1:${port}` });
}

main().catch((err: unknown) => {
  process.stderr.write(`bare gRPC child failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
