/**
 * Benchmark of the REST API against a baseline measured in the same run.
 *
 *   npm run bench:api            (with the Auth emulator up, e.g. `npm start` in another terminal)
 *
 * Processes, all on loopback:
 *   - a Firestore emulator of its own (ours, packages/firestore-emulator), with no Functions emulator
 *     attached, so the messages written here fire no triggers elsewhere;
 *   - bench/api-server.ts: the exact app (`createApp`), the same app with the Firestore-backed rate limits
 *     on (as deployed, and counting every request in Firestore first), and a bare Express handler doing the same Firestore read/write with no auth and no validation;
 *   - this process: autocannon, the load generator, and the fan-out measurement.
 *
 * Measures, at CONNECTIONS (50) concurrent connections for DURATION seconds (10) each:
 *   - `GET /chats/{id}/messages` (the latest 20 of SEED_MESSAGES) and `POST /chats/{id}/messages`:
 *     requests/s, p50 and p99 latency, non-2xx answers;
 * and then the time to fan out one message to a MEMBERS-member chat (1,000): the message-created trigger's
 * handler called directly (last message, unread counts in 16 bucket transactions, MEMBERS-1
 * notifications through a BulkWriter), FANOUT_RUNS times, and once replayed (which must do nothing).
 * Prints a table and writes bench/results/api-<time>.json.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { Timestamp, getFirestore } from 'firebase-admin/firestore';
import { CachedTokenVerifier, createServices, verifyIdToken, type AuthContext } from '@chat/core';
import { createUser } from '../scripts/lib/auth-emulator';
import { onMessageCreated } from '../functions/src/triggers/message-created';
import { owned } from './owned-children';

const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const DURATION = Number(process.env.DURATION ?? 10);
const SEED_MESSAGES = Number(process.env.SEED_MESSAGES ?? 200);
const MEMBERS = Number(process.env.MEMBERS ?? 1000);
const FANOUT_RUNS = Number(process.env.FANOUT_RUNS ?? 3);
const AUTH_RUNS = Number(process.env.AUTH_RUNS ?? 200);

for (const name of ['GCLOUD_PROJECT', 'FIREBASE_AUTH_EMULATOR_HOST']) {
  if (!process.env[name]) throw new Error(`${name} is not set: start the emulators first (npm start).`);
}
const PROJECT_ID = process.env.GCLOUD_PROJECT ?? '';
const ROOT = path.resolve(__dirname, '..');

/** Our Firestore emulator in a child process; resolves with its host:port. */
function startFirestore(): Promise<{ child: ChildProcess; host: string }> {
  const env = { ...process.env };
  delete env.FUNCTIONS_EMULATOR_HOST;
  const child = owned(
    spawn(
      process.execPath,
      [
        path.join(ROOT, 'packages/firestore-emulator/dist/cli.js'),
        '--port',
        '0',
        '--quiet',
        '--project',
        PROJECT_ID,
      ],
      { env, stdio: ['ignore', 'pipe', 'inherit'] },
    ),
  );
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the Firestore emulator exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /ready on (\S+)/.exec(chunk.toString());
      if (match?.[1]) resolve({ child, host: match[1] });
    });
  });
}

function startServers(
  firestoreHost: string,
): Promise<{ child: ChildProcess; ports: Record<string, number> }> {
  const child = owned(
    fork(path.join(__dirname, 'api-server.ts'), [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, FIRESTORE_EMULATOR_HOST: firestoreHost },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the API servers exited with ${code}`)));
    child.on('message', (message: { type: string; ports?: Record<string, number> }) => {
      if (message.type === 'ready' && message.ports) resolve({ child, ports: message.ports });
    });
  });
}

interface Row {
  endpoint: string;
  server: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
}

async function load(
  endpoint: string,
  server: string,
  url: string,
  method: 'GET' | 'POST',
  token: string,
): Promise<Row> {
  const result = await autocannon({
    url,
    method,
    connections: CONNECTIONS,
    duration: DURATION,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(method === 'POST'
      ? { body: JSON.stringify({ text: 'A benchmark message of ordinary length.' }) }
      : {}),
  });
  return {
    endpoint,
    server,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

async function main(): Promise<void> {
  const firestore = await startFirestore();
  process.env.FIRESTORE_EMULATOR_HOST = firestore.host;
  const firebase = initializeApp({ projectId: PROJECT_ID }, `bench-${randomUUID()}`);
  const db = getFirestore(firebase);
  const auth = getAuth(firebase);
  const services = createServices(db, auth);
  const user = await createUser(auth, { uid: `bench-${randomUUID().slice(0, 8)}` });
  const caller: AuthContext = { uid: user.uid, email: user.email, admin: false };
  await services.users.createProfile(caller, { displayName: 'Bench' });
  const { chat } = await services.chats.create(caller, { type: 'group', title: 'Bench', memberIds: [] });
  for (let i = 0; i < SEED_MESSAGES; i += 1) {
    await services.messages.send(caller, chat.id, { text: `Seed message ${i}` }, {});
  }

  // Auth alone: what a request's token check costs, with the SDK's revocation round trip and through the cache.
  const authRuns = { uncached: [] as number[], cached: [] as number[] };
  const tokens = new CachedTokenVerifier(auth);
  for (let i = 0; i < AUTH_RUNS; i += 1) {
    let started = performance.now();
    await verifyIdToken(auth, user.idToken);
    authRuns.uncached.push(performance.now() - started);
    started = performance.now();
    await tokens.verify(user.idToken);
    authRuns.cached.push(performance.now() - started);
  }

  const servers = await startServers(firestore.host);
  const rows: Row[] = [];
  try {
    for (const [endpoint, method] of [
      ['GET /chats/{id}/messages', 'GET'],
      ['POST /chats/{id}/messages', 'POST'],
    ] as const) {
      for (const server of ['bare', 'api', 'api-limited', 'api-limited-exact']) {
        const url = `http://127.0.0.1:${servers.ports[server]}/chats/${chat.id}/messages`;
        rows.push(await load(endpoint, server, url, method, user.idToken));
        process.stdout.write(`measured ${endpoint} on ${server}\n`);
      }
    }
  } finally {
    servers.child.send({ type: 'stop' });
  }

  // Fan-out: a chat of MEMBERS members written straight in the documented layout (setup, not measured).
  const bigChat = `bench-fanout-${randomUUID().slice(0, 8)}`;
  const memberIds = [user.uid, ...Array.from({ length: MEMBERS - 1 }, (_, i) => `bench-member-${i}`)];
  const joinedAt = Timestamp.fromMillis(Date.now() - 60_000);
  const writer = db.bulkWriter();
  void writer.set(db.doc(`chats/${bigChat}`), {
    type: 'group',
    title: 'Everyone',
    memberIds,
    createdBy: user.uid,
    createdAt: joinedAt,
    updatedAt: joinedAt,
    lastActivityAt: joinedAt,
    lastMessage: null,
  });
  for (const uid of memberIds) {
    void writer.set(db.doc(`chats/${bigChat}/members/${uid}`), {
      role: uid === user.uid ? 'owner' : 'member',
      joinedAt,
      addedBy: uid === user.uid ? null : user.uid,
      lastReadMessageId: null,
      lastReadAt: null,
      unreadCount: 0,
      muted: false,
    });
  }
  await writer.close();
  const fanOuts: FanOutRun[] = [];
  let replay: FanOutRun = { ms: 0, counted: 0, notified: 0 };
  for (let run = 0; run < FANOUT_RUNS; run += 1) {
    const { message } = await services.messages.send(caller, bigChat, { text: `To all ${run}` }, {});
    const event = { id: `bench-${message.id}`, params: { chatId: bigChat, messageId: message.id } };
    const started = performance.now();
    const result = await onMessageCreated(services, event);
    fanOuts.push({ ms: Math.round(performance.now() - started), ...result });
    if (run === FANOUT_RUNS - 1) {
      const again = performance.now();
      const replayed = await onMessageCreated(services, event);
      replay = { ms: Math.round(performance.now() - again), ...replayed };
    }
  }

  const authCost = { uncached: summary(authRuns.uncached), cached: summary(authRuns.cached) };
  print(rows, fanOuts, replay, authCost);
  const results = path.join(__dirname, 'results');
  mkdirSync(results, { recursive: true });
  const file = path.join(results, `api-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ connections: CONNECTIONS, duration: DURATION, rows, fanOuts, replay, auth: authCost }, null, 2)}\n`,
  );
  process.stdout.write(`\nwrote ${path.relative(ROOT, file)}\n`);
  await deleteApp(firebase);
  firestore.child.kill('SIGTERM');
}

interface FanOutRun {
  ms: number;
  counted: number;
  notified: number;
}

interface Summary {
  p50Ms: number;
  p99Ms: number;
}

function summary(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0) * 100) / 100;
  return { p50Ms: at(0.5), p99Ms: at(0.99) };
}

function print(rows: Row[], fanOuts: FanOutRun[], replay: FanOutRun, auth: Record<string, Summary>) {
  const pad = (value: string | number, width: number) => String(value).padStart(width);
  const lines = [
    '',
    `REST API at ${CONNECTIONS} connections, ${DURATION} s each (bare: no auth, no validation, same Firestore work)`,
    `${'endpoint'.padEnd(28)}${'server'.padEnd(13)}${pad('req/s', 8)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('requests', 10)}${pad('non-2xx', 9)}${pad('errors', 8)}`,
    ...rows.map(
      (row) =>
        `${row.endpoint.padEnd(28)}${row.server.padEnd(13)}${pad(row.requestsPerSecond, 8)}${pad(row.p50Ms, 9)}${pad(row.p99Ms, 9)}${pad(row.requests, 10)}${pad(row.non2xx, 9)}${pad(row.errors, 8)}`,
    ),
    '',
    `Fan-out of one message to a ${MEMBERS}-member chat (message-created handler, called directly)`,
    ...fanOuts.map(
      (run, i) =>
        `  run ${i + 1}: ${pad(run.ms, 6)} ms   unread counts +1: ${run.counted}   notifications: ${run.notified}`,
    ),
    `  replay of the last event: ${replay.ms} ms, unread counts +${replay.counted}, notifications ${replay.notified} (must be 0 and 0)`,
    '',
    `Token check, ${AUTH_RUNS} sequential verifications of one token against the Auth emulator`,
    `  verifyIdToken(token, true) (an Auth round trip each): p50 ${auth.uncached?.p50Ms} ms, p99 ${auth.uncached?.p99Ms} ms`,
    `  CachedTokenVerifier.verify (cached token and account):  p50 ${auth.cached?.p50Ms} ms, p99 ${auth.cached?.p99Ms} ms`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
