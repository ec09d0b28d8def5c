import request from 'supertest';
import { Server, ServerCredentials, status, type ServerWritableStream } from '@grpc/grpc-js';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { Firestore } from 'firebase-admin/firestore';
import type { LogEntry } from '@chat/core';
import { createApp } from '../src/app';
import { createHarness, PROJECT_ID, testConfig, type Harness } from './support';

let h: Harness;
beforeAll(() => {
  h = createHarness();
});
afterAll(() => h.close());

/**
 * A real gRPC server that accepts Firestore's document reads and never answers them until released: a
 * Firestore that is up on the network but does not respond.
 */
async function startSilentFirestore() {
  const held: ServerWritableStream<Buffer, Buffer>[] = [];
  let released = false;
  // INVALID_ARGUMENT ends the client's retries, so it can terminate cleanly once the test is over.
  const fail = (call: ServerWritableStream<Buffer, Buffer>) =>
    call.emit('error', { code: status.INVALID_ARGUMENT, details: 'test over' });
  const server = new Server();
  const identity = (value: Buffer) => value;
  server.register<Buffer, Buffer>(
    '/google.firestore.v1.Firestore/BatchGetDocuments',
    (call: ServerWritableStream<Buffer, Buffer>) => (released ? fail(call) : void held.push(call)),
    identity,
    identity,
    'serverStream',
  );
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  return {
    port,
    /** Fail the held calls, and every later one, so the client gives up. */
    release() {
      released = true;
      held.forEach(fail);
    },
    stop() {
      server.forceShutdown();
    },
  };
}

/** A Firestore client in emulator mode (plaintext, no Google credentials) aimed at `host`. */
function firestoreAt(host: string): Firestore {
  const previous = process.env.FIRESTORE_EMULATOR_HOST;
  process.env.FIRESTORE_EMULATOR_HOST = host; // read by the constructor only
  try {
    return new Firestore({ projectId: PROJECT_ID });
  } finally {
    process.env.FIRESTORE_EMULATOR_HOST = previous;
  }
}

describe('GET /ping', () => {
  it('when Firestore answers, then 200 with status ok and nothing else: no environment, no timings', async () => {
    // "Answers" within the check's 2 s: open the client's channel first, which on a loaded machine can take
    // longer than that by itself (the silent-Firestore test below covers a Firestore that does not answer).
    await h.db.collection('users').limit(1).get();
    const res = await request(h.app).get('/ping');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('when Firestore does not answer, then 503 degraded without the reason, which goes to the logs', async () => {
    const silent = await startSilentFirestore();
    const db = firestoreAt(`127.0.0.1:${silent.port}`);
    const firebase = initializeApp({ projectId: PROJECT_ID }, 'ping-unreachable');
    try {
      const logs: LogEntry[] = [];
      const app = createApp({ config: testConfig, db, auth: getAuth(firebase), log: (e) => logs.push(e) });
      const started = Date.now();
      const res = await request(app).get('/ping');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ status: 'degraded' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
      expect(logs).toContainEqual(
        expect.objectContaining({
          severity: 'WARNING',
          firestore: expect.objectContaining({ reachable: false, error: 'no answer within 2000 ms' }),
        }),
      );
    } finally {
      silent.release();
      await db.terminate();
      silent.stop();
      await deleteApp(firebase);
    }
  }, 30_000);
});
