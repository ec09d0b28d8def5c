/**
 * Benchmark of the relay against a plain Socket.IO baseline, in the same run:
 *   - 1,000 clients in 50 rooms (20 members each; CLIENTS, ROOMS and MESSAGES_PER_ROOM override);
 *   - relay: messages committed through the core service (by a separate process, bench/relay-sender.ts),
 *     delivered by the relay's Firestore listeners;
 *   - baseline: the same payloads, to the same rooms, with `io.to(room).emit` on a bare Socket.IO server,
 *     replayed on the relay's own listener timeline.
 * Prints p50/p99 latency (Firestore commit → client, listener callback → client, baseline emit → client),
 * delivered messages per second (at the pace the core service commits them: the figure is the
 * delivery rate under this load, not a ceiling) and server memory per connected socket (measured over the
 * sockets after the first 100), and writes bench/results/. Measuring starts once the Firestore triggers set
 * off by the seeding (a welcome and a member-added notification per user, with `npm start`) have settled.
 *
 * Needs the emulators (FIRESTORE_EMULATOR_HOST, FIREBASE_AUTH_EMULATOR_HOST, GCLOUD_PROJECT), e.g. from a
 * running `npm start`:  npx tsx bench/relay.ts
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { io as connect, type Socket } from 'socket.io-client';
import { createServices, type AuthContext, type Message } from '@chat/core';
import { unsignedToken } from '../scripts/lib/auth-emulator';
import { owned } from './owned-children';

const CLIENTS = Number(process.env.CLIENTS ?? 1000);
const ROOMS = Number(process.env.ROOMS ?? 50);
const MESSAGES_PER_ROOM = Number(process.env.MESSAGES_PER_ROOM ?? 10);
const PER_ROOM = Math.ceil(CLIENTS / ROOMS);
const PAYLOAD = 'x'.repeat(200);
/** Memory per socket is measured over the sockets after the first batch, once the SDKs have warmed up. */
const WARM_UP = 100;

const now = () => performance.timeOrigin + performance.now();

for (const name of ['GCLOUD_PROJECT', 'FIRESTORE_EMULATOR_HOST', 'FIREBASE_AUTH_EMULATOR_HOST']) {
  if (!process.env[name]) throw new Error(`${name} is not set: run the emulators first (npm start).`);
}
const PROJECT_ID = process.env.GCLOUD_PROJECT ?? '';

interface Server {
  child: ChildProcess;
  url: string;
  ask<T>(request: { type: string }, answer: string): Promise<T>;
  emit(room: string, payload: unknown): void;
  stop(): Promise<void>;
}

/** CPU_PROFILE_DIR=<dir>: each server writes a V8 CPU profile there when it stops (open it in DevTools). */
function profiling(mode: string): string[] {
  const dir = process.env.CPU_PROFILE_DIR;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${path.join(dir, mode)}`] : [];
}

async function startServer(mode: 'relay' | 'baseline'): Promise<Server> {
  const child = owned(
    fork(path.join(__dirname, 'relay-server.ts'), [mode], {
      execArgv: ['--expose-gc', '--import', 'tsx', ...profiling(mode)],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  let exited: (code: number | null) => void = () => undefined;
  const url = await new Promise<string>((resolve, reject) => {
    exited = (code) => reject(new Error(`${mode} server exited with ${code}`));
    child.once('exit', exited);
    child.on('message', (message: { type: string; url?: string }) => {
      if (message.type === 'ready' && message.url) resolve(message.url);
    });
  });
  child.off('exit', exited);
  return {
    child,
    url,
    ask: <T>(request: { type: string }, answer: string) =>
      new Promise<T>((resolve) => {
        const on = (message: { type: string }) => {
          if (message.type !== answer) return;
          child.off('message', on);
          resolve(message as T);
        };
        child.on('message', on);
        child.send(request);
      }),
    emit: (room, payload) => child.send({ type: 'emit', room, payload }),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.send({ type: 'stop' });
      }),
  };
}

async function inBatches<T>(
  items: T[],
  size: number,
  run: (item: T, index: number) => Promise<void>,
  afterBatch?: (done: number) => Promise<void>,
) {
  for (let i = 0; i < items.length; i += size) {
    await Promise.all(items.slice(i, i + size).map((item, j) => run(item, i + j)));
    await afterBatch?.(Math.min(items.length, i + size));
  }
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const summary = (values: number[]) => ({
  p50: round(percentile(values, 50)),
  p99: round(percentile(values, 99)),
  count: values.length,
});
const round = (value: number) => Math.round(value * 100) / 100;

/**
 * Waits until `count` stops changing (the same for 3 s in a row), at most 180 s; returns the seconds waited.
 */
async function settle(count: () => Promise<{ data(): { count: number } }>): Promise<number> {
  const started = Date.now();
  let last = -1;
  let steady = 0;
  while (steady < 3 && Date.now() - started < 180_000) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const current = (await count()).data().count;
    steady = current === last ? steady + 1 : 0;
    last = current;
  }
  return Math.round((Date.now() - started) / 1000);
}

async function main(): Promise<void> {
  const run = randomUUID().slice(0, 8);
  const app = initializeApp({ projectId: PROJECT_ID }, `bench-${run}`);
  const auth = getAuth(app);
  const services = createServices(getFirestore(app), auth);
  const as = (uid: string): AuthContext => ({ uid, email: null, admin: false });

  process.stdout.write(`Seeding ${CLIENTS} users and ${ROOMS} rooms…\n`);
  const uids = Array.from({ length: CLIENTS }, (_, i) => `bench-${run}-${i}`);
  for (let i = 0; i < uids.length; i += 1000) {
    const result = await auth.importUsers(
      uids.slice(i, i + 1000).map((uid) => ({ uid, email: `${uid}@example.com` })),
    );
    if (result.failureCount > 0) throw new Error(`importUsers failed for ${result.failureCount} users`);
  }
  await inBatches(uids, 50, async (uid) => {
    await services.users.createProfile(as(uid), { displayName: uid });
  });
  const rooms: string[] = [];
  for (let r = 0; r < ROOMS; r += 1) {
    const members = uids.slice(r * PER_ROOM, (r + 1) * PER_ROOM);
    const [owner, ...others] = members;
    if (!owner) break;
    rooms.push((await services.chats.createGroup(as(owner), `Bench room ${r}`, others)).chat.id);
  }
  const roomOf = (i: number) => rooms[Math.floor(i / PER_ROOM)] ?? '';
  const iat = Math.floor(Date.now() / 1000);
  const token = (uid: string) => unsignedToken(PROJECT_ID, uid, { iat, auth_time: iat, exp: iat + 3600 });

  // With the Functions emulator running (npm start), seeding sets off a trigger per user and per membership
  // (welcome and member-added notifications); measure once that backlog has been worked off, not during it.
  const settled = await settle(() => getFirestore(app).collectionGroup('notifications').count().get());
  process.stdout.write(`Seeding's triggers settled after ${settled} s.\n`);

  // ---- relay ------------------------------------------------------------------------------------------
  const relay = await startServer('relay');
  let relayMemoryBefore = { rss: 0, heapUsed: 0 };
  const received = new Map<string, number[]>();
  const relaySockets: Socket[] = [];
  await inBatches(
    uids,
    100,
    async (uid, i) => {
      const socket = connect(`${relay.url}/chat`, {
        auth: { token: token(uid) },
        transports: ['websocket'],
        forceNew: true,
      });
      relaySockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      const answer = (await socket.timeout(30_000).emitWithAck('chat:join', { chatId: roomOf(i) })) as {
        ok: boolean;
      };
      if (!answer.ok) throw new Error(`join failed: ${JSON.stringify(answer)}`);
      socket.on('message:new', (message: Message) => {
        const at = now();
        received.set(message.id, [...(received.get(message.id) ?? []), at]);
      });
    },
    async (done) => {
      if (done === WARM_UP) relayMemoryBefore = await relay.ask({ type: 'memory' }, 'memory');
    },
  );
  const relayMemoryAfter = await relay.ask<{ rss: number; heapUsed: number }>({ type: 'memory' }, 'memory');
  process.stdout.write(
    `Relay: ${relaySockets.length} sockets joined. Sending ${ROOMS * MESSAGES_PER_ROOM} messages…\n`,
  );

  const sender = owned(
    fork(path.join(__dirname, 'relay-sender.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );

  const sent = await new Promise<Array<{ room: string; message: Message }>>((resolve) => {
    sender.once('message', (answer: { sent: Array<{ room: string; message: Message }> }) =>
      resolve(answer.sent),
    );
    sender.send({
      rooms: rooms.map((chatId, r) => ({ chatId, owner: uids[r * PER_ROOM] ?? '' })),
      messagesPerRoom: MESSAGES_PER_ROOM,
      text: PAYLOAD,
      concurrency: 25,
    });
  });
  const expected = sent.length * PER_ROOM;
  const deadline = Date.now() + 60_000;
  const deliveredCount = () => [...received.values()].reduce((sum, list) => sum + list.length, 0);
  while (deliveredCount() < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const probes = await relay.ask<{ listened: Array<[string, number]> }>({ type: 'probes' }, 'probes');
  const listened = new Map(probes.listened);

  const commitToClient: number[] = [];
  const listenerToClient: number[] = [];
  for (const { message } of sent) {
    for (const at of received.get(message.id) ?? []) {
      commitToClient.push(at - Date.parse(message.createdAt));
      const heard = listened.get(message.id);
      if (heard !== undefined) listenerToClient.push(at - heard);
    }
  }
  const relayTimes = [...received.values()].flat();
  const firstListen = Math.min(...listened.values());
  const relayRate = deliveredCount() / ((Math.max(...relayTimes) - firstListen) / 1000);
  relaySockets.forEach((socket) => socket.disconnect());
  await relay.stop();

  // ---- baseline: the same payloads, rooms and timeline, with io.to(room).emit ----------------------------
  const baseline = await startServer('baseline');
  let baseMemoryBefore = { rss: 0, heapUsed: 0 };
  const baseReceived = new Map<string, number[]>();
  const baseSockets: Socket[] = [];
  await inBatches(
    uids,
    100,
    async (_uid, i) => {
      const socket = connect(`${baseline.url}/chat`, { transports: ['websocket'], forceNew: true });
      baseSockets.push(socket);
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      await socket.timeout(30_000).emitWithAck('join', roomOf(i));
      socket.on('message:new', (message: Message) => {
        const at = now();
        baseReceived.set(message.id, [...(baseReceived.get(message.id) ?? []), at]);
      });
    },
    async (done) => {
      if (done === WARM_UP) baseMemoryBefore = await baseline.ask({ type: 'memory' }, 'memory');
    },
  );
  const baseMemoryAfter = await baseline.ask<{ rss: number; heapUsed: number }>({ type: 'memory' }, 'memory');
  const timeline = sent
    .map(({ room, message }) => ({
      room,
      message,
      offset: (listened.get(message.id) ?? firstListen) - firstListen,
    }))
    .sort((a, b) => a.offset - b.offset);
  const start = now();
  for (const { room, message, offset } of timeline) {
    const wait = start + offset - now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    baseline.emit(room, message);
  }
  const baseDeadline = Date.now() + 30_000;
  const baseCount = () => [...baseReceived.values()].reduce((sum, list) => sum + list.length, 0);
  while (baseCount() < expected && Date.now() < baseDeadline) await new Promise((r) => setTimeout(r, 100));
  const baseProbes = await baseline.ask<{ emitted: Array<[string, number]> }>({ type: 'probes' }, 'probes');
  const emitted = new Map(baseProbes.emitted);
  const emitToClient: number[] = [];
  for (const [id, times] of baseReceived) {
    const at = emitted.get(id);
    if (at !== undefined) for (const t of times) emitToClient.push(t - at);
  }
  const baseTimes = [...baseReceived.values()].flat();
  const baseRate = baseCount() / ((Math.max(...baseTimes) - Math.min(...emitted.values())) / 1000);
  baseSockets.forEach((socket) => socket.disconnect());
  await baseline.stop();
  await deleteApp(app);

  const perSocket = (
    before: { rss: number; heapUsed: number },
    after: { rss: number; heapUsed: number },
    n: number,
  ) => ({
    rssKiB: round((after.rss - before.rss) / n / 1024),
    heapKiB: round((after.heapUsed - before.heapUsed) / n / 1024),
  });
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    firestoreEmulator: process.env.FIRESTORE_EMULATOR ?? 'unknown',
    clients: CLIENTS,
    rooms: rooms.length,
    messages: sent.length,
    expectedDeliveries: expected,
    relay: {
      delivered: deliveredCount(),
      commitToClientMs: summary(commitToClient),
      listenerToClientMs: summary(listenerToClient),
      deliveredPerSecond: Math.round(relayRate),
      memoryPerSocket: perSocket(relayMemoryBefore, relayMemoryAfter, relaySockets.length - WARM_UP),
    },
    baseline: {
      delivered: baseCount(),
      emitToClientMs: summary(emitToClient),
      deliveredPerSecond: Math.round(baseRate),
      memoryPerSocket: perSocket(baseMemoryBefore, baseMemoryAfter, baseSockets.length - WARM_UP),
    },
  };
  const ratios = {
    listenerToClientP50: round(result.relay.listenerToClientMs.p50 / result.baseline.emitToClientMs.p50),
    listenerToClientP99: round(result.relay.listenerToClientMs.p99 / result.baseline.emitToClientMs.p99),
    deliveredPerSecond: round(result.relay.deliveredPerSecond / result.baseline.deliveredPerSecond),
    heapPerSocket: round(result.relay.memoryPerSocket.heapKiB / result.baseline.memoryPerSocket.heapKiB),
  };
  const report = { ...result, ratiosRelayOverBaseline: ratios };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  const dir = path.join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, `relay-${result.date.replace(/[:.]/g, '-')}.json`),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
