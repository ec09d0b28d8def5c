/**
 * Benchmark of our Firestore emulator (@chat/firestore-emulator) against a baseline measured in the same run.
 *
 *   npm run bench:emulator        (builds the package, then: npx tsx bench/firestore-emulator.ts)
 *
 * Three processes, all on loopback:
 *   - the emulator, in a child process (bench/firestore-emulator-server.ts) that runs nothing else, so its
 *     memory figures are its own and not the SDK's;
 *   - the baseline, in a child process (bench/firestore-emulator-baseline.ts): the same logical work on a
 *     bare Map, fanned out through a plain EventEmitter;
 *   - this process: firebase-admin, as an application uses it, plus a raw gRPC client and the engine alone;
 *   - briefly, a bare grpc-js server (bench/firestore-emulator-bare-grpc.ts), the transport baseline.
 *
 * Measures:
 *   - commits per second: SEQUENTIAL awaited set()s of a chat message (200-character text, server
 *     timestamp), then CONCURRENT set()s with CONCURRENCY in flight; to separate the costs, RAW_COMMITS
 *     sequential raw gRPC Commits (empty, then the same message) and the engine's Store.commit in-process;
 *   - commit → snapshot latency at LISTENERS open onSnapshot listeners on one chat's latest 50 messages
 *     (orderBy createdAt desc, limit 50), over FANOUT_COMMITS commits: from just before set() to each
 *     listener's callback holding the new message; then LISTENERS listeners on as many chats, over
 *     ROOM_COMMITS commits each reaching one of them;
 *   - memory of the emulator and baseline processes: peak RSS and heap over the run (sampled every 10 ms),
 *     the kernel's VmHWM, and the growth per open listener (after a full GC, before and after opening them).
 * The baseline's commit loops run several passes (the median is printed), as one pass of a Map is noise.
 * Parameters are read from the environment below; the run is cut off after RUN_TIMEOUT_MS.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { FieldValue, getFirestore, type Firestore } from 'firebase-admin/firestore';
import { Store, type Value } from '@chat/firestore-emulator';
import { roomFor, type BaselineParams, type BaselineResult } from './firestore-emulator-baseline';
import { owned } from './owned-children';
import type { MemoryAnswer, MemoryReport } from './process-memory';

const int = (name: string, fallback: number): number => {
  const raw = process.env[name];
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return n;
};

const PARAMS: BaselineParams & { runTimeoutMs: number } = {
  warmUp: 100,
  sequential: int('SEQUENTIAL', 1000),
  concurrent: int('CONCURRENT', 2000),
  concurrency: int('CONCURRENCY', 50),
  listeners: int('LISTENERS', 1000),
  fanoutCommits: int('FANOUT_COMMITS', 50),
  roomCommits: int('ROOM_COMMITS', 100),
  windowSize: 50,
  textBytes: 200,
  rawCommits: int('RAW_COMMITS', 1000),
  runTimeoutMs: int('RUN_TIMEOUT_MS', 180_000),
};
const PROJECT_ID = 'demo-bench';
const DATABASE = `projects/${PROJECT_ID}/databases/(default)`;
const WAIT_MS = 60_000;
const WARM_UP = PARAMS.warmUp;

const now = (): number => performance.now();

// ---------------------------------------------------------------------------------------------------------
// Child processes

interface Child {
  process: ChildProcess;
  ready: { type: string; hostAndPort?: string };
  memory(): Promise<MemoryReport>;
  stop(): Promise<void>;
}

async function startChild(file: string): Promise<Child> {
  const child = owned(
    fork(path.join(__dirname, file), [], {
      execArgv: ['--expose-gc', '--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  const ready = await new Promise<Child['ready']>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code} before it was ready`)));
    child.once('message', (message: Child['ready']) => resolve(message));
  });
  let nextId = 1;
  return {
    process: child,
    ready,
    memory: () => {
      const id = nextId++;
      return new Promise<MemoryReport>((resolve) => {
        const on = (message: MemoryAnswer): void => {
          if (message.type !== 'memory' || message.id !== id) return;
          child.off('message', on);
          resolve(message.report);
        };
        child.on('message', on);
        child.send({ type: 'memory', id });
      });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.send({ type: 'stop' });
      }),
  };
}

function runBaseline(child: Child): Promise<BaselineResult> {
  return new Promise((resolve) => {
    const on = (message: { type: string; result?: BaselineResult }): void => {
      if (message.type !== 'result' || !message.result) return;
      child.process.off('message', on);
      resolve(message.result);
    };
    child.process.on('message', on);
    child.process.send({ type: 'run', params: PARAMS });
  });
}

// ---------------------------------------------------------------------------------------------------------
// Commits through firebase-admin, raw gRPC and the engine alone

const TEXT = 'x'.repeat(PARAMS.textBytes);

function messageData(id: string): Record<string, unknown> {
  return {
    senderId: 'user-1',
    text: TEXT,
    createdAt: FieldValue.serverTimestamp(),
    editedAt: null,
    deletedAt: null,
    replyToId: null,
    clientMessageId: id,
  };
}

const messages = (db: Firestore, chat: string) => db.collection('chats').doc(chat).collection('messages');

/** Runs `total` operations with `concurrency` in flight; returns operations per second. */
async function perSecond(total: number, concurrency: number, op: (i: number) => Promise<unknown>) {
  const started = now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await op(next++);
    }),
  );
  return total / ((now() - started) / 1000);
}

interface CommitRequest {
  database: string;
  writes: Array<{
    update: { name: string; fields: Record<string, object> };
    updateTransforms: Array<{ fieldPath: string; setToServerValue: 'REQUEST_TIME' }>;
  }>;
}
type CommitClient = grpc.Client & {
  Commit(request: CommitRequest, callback: (err: grpc.ServiceError | null) => void): grpc.ClientUnaryCall;
};
type CommitClientConstructor = new (address: string, credentials: grpc.ChannelCredentials) => CommitClient;

/** A bare gRPC client of the Firestore service, loaded from the protos the SDK ships. */
function rawClient(hostAndPort: string): CommitClient {
  const protos = path.join(
    path.dirname(require.resolve('@google-cloud/firestore/package.json')),
    'build',
    'protos',
  );
  const definition = protoLoader.loadSync('google/firestore/v1/firestore.proto', {
    includeDirs: [protos],
    longs: String,
    enums: String,
    defaults: false,
    oneofs: true,
  });
  const loaded = grpc.loadPackageDefinition(definition) as unknown as {
    google: { firestore: { v1: { Firestore: CommitClientConstructor } } };
  };
  return new loaded.google.firestore.v1.Firestore(hostAndPort, grpc.credentials.createInsecure());
}

function rawCommit(client: CommitClient, request: CommitRequest): Promise<void> {
  return new Promise((resolve, reject) => client.Commit(request, (err) => (err ? reject(err) : resolve())));
}

function rawMessageWrite(id: string): CommitRequest['writes'][number] {
  return {
    update: {
      name: `${DATABASE}/documents/chats/bench-raw/messages/${id}`,
      fields: {
        senderId: { stringValue: 'user-1' },
        text: { stringValue: TEXT },
        editedAt: { nullValue: 'NULL_VALUE' },
        deletedAt: { nullValue: 'NULL_VALUE' },
        replyToId: { nullValue: 'NULL_VALUE' },
        clientMessageId: { stringValue: id },
      },
    },
    updateTransforms: [{ fieldPath: 'createdAt', setToServerValue: 'REQUEST_TIME' }],
  };
}

type EngineWrite = Parameters<Store['commit']>[1][number];

/** The engine alone, in this process: Store.commit with the same write, no gRPC and no SDK. */
function engineCommitsPerSecond(total: number): number {
  const store = new Store();
  const nullValue: Value = { nullValue: 'NULL_VALUE', valueType: 'nullValue' };
  const write = (id: string): EngineWrite => ({
    operation: 'update',
    update: {
      name: `${DATABASE}/documents/chats/bench-engine/messages/${id}`,
      fields: {
        senderId: { stringValue: 'user-1', valueType: 'stringValue' },
        text: { stringValue: TEXT, valueType: 'stringValue' },
        editedAt: nullValue,
        deletedAt: nullValue,
        replyToId: nullValue,
        clientMessageId: { stringValue: id, valueType: 'stringValue' },
      },
    },
    updateTransforms: [
      { fieldPath: 'createdAt', setToServerValue: 'REQUEST_TIME', transformType: 'setToServerValue' },
    ],
  });
  for (let i = 0; i < WARM_UP; i++) store.commit(DATABASE, [write(`w${i}`)]);
  const started = now();
  for (let i = 0; i < total; i++) store.commit(DATABASE, [write(`e${i}`)]);
  return total / ((now() - started) / 1000);
}

// ---------------------------------------------------------------------------------------------------------
// Listeners

interface Pending {
  id: string;
  t0: number;
  remaining: number;
  latencies: number[];
  done: () => void;
}

interface ListenerSet {
  /** Resolves once every listener has had its first snapshot. */
  ready: Promise<void>;
  /** Commits message `id` to `chat` and resolves with the latencies once `expect` listeners have it. */
  commit(chat: string, id: string, expect: number): Promise<{ latencies: number[]; ack: number }>;
  close(): void;
}

/** Opens one onSnapshot listener per chat name (repeat a name for many listeners on one query). */
function openListeners(db: Firestore, chats: string[]): ListenerSet {
  let pending: Pending | undefined;
  let failure: Error | undefined;
  const unsubscribes: Array<() => void> = [];
  const readies: Array<Promise<void>> = [];
  for (const chat of chats) {
    const query = messages(db, chat).orderBy('createdAt', 'desc').limit(PARAMS.windowSize);
    readies.push(
      new Promise<void>((resolve, reject) => {
        let first = true;
        unsubscribes.push(
          query.onSnapshot(
            (snapshot) => {
              const at = now();
              if (first) {
                first = false;
                resolve();
                return;
              }
              const p = pending;
              if (!p) return;
              for (const change of snapshot.docChanges()) {
                if (change.type !== 'added' || change.doc.id !== p.id) continue;
                p.latencies.push(at - p.t0);
                if (--p.remaining === 0) p.done();
              }
            },
            (err) => {
              failure = err;
              reject(err);
            },
          ),
        );
      }),
    );
  }
  return {
    ready: withTimeout(
      Promise.all(readies).then(() => undefined),
      'the listeners’ first snapshots',
    ),
    commit: async (chat, id, expect) => {
      if (failure) throw failure;
      let done!: () => void;
      const received = new Promise<void>((resolve) => (done = resolve));
      const p: Pending = { id, t0: 0, remaining: expect, latencies: [], done };
      pending = p;
      p.t0 = now();
      await messages(db, chat).doc(id).set(messageData(id));
      const ack = now() - p.t0;
      await withTimeout(received, `message ${id} reaching ${expect} listeners (got ${expect - p.remaining})`);
      pending = undefined;
      return { latencies: p.latencies, ack };
    },
    close: () => unsubscribes.forEach((unsubscribe) => unsubscribe()),
  };
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`)), WAIT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------------------------------------
// Figures

function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const kib = (bytes: number): string => `${(bytes / 1024).toFixed(2)} KiB`;
const ms = (value: number): string =>
  value < 0.1 ? `${(value * 1000).toFixed(1)} µs` : `${value.toFixed(2)} ms`;
const rate = (value: number): string => `${Math.round(value).toLocaleString('en-US')}/s`;
/** n/a when either side is not positive, e.g. an RSS delta lost in page-sized noise. */
const ratio = (ours: number, base: number): string => {
  const r = ours / base;
  return !Number.isFinite(r) || ours <= 0 || base <= 0
    ? 'n/a'
    : r >= 100
      ? `${Math.round(r).toLocaleString('en-US')}×`
      : `${r.toPrecision(3)}×`;
};

type Row = [string, string, string, string];

function printTable(title: string, rows: Row[]): void {
  const header: Row = ['', 'ours', 'baseline', 'ours / baseline'];
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((row) => row[c].length)));
  const line = (row: Row): string =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = now();
  const clientPeak = { rss: 0, heapUsed: 0 };
  const sampleClient = setInterval(() => {
    const { rss, heapUsed } = process.memoryUsage();
    clientPeak.rss = Math.max(clientPeak.rss, rss);
    clientPeak.heapUsed = Math.max(clientPeak.heapUsed, heapUsed);
  }, 10);

  const [emulator, baseline] = await Promise.all([
    startChild('firestore-emulator-server.ts'),
    startChild('firestore-emulator-baseline.ts'),
  ]);
  const hostAndPort = emulator.ready.hostAndPort ?? '';
  const [emulatorIdle, baselineIdle] = await Promise.all([emulator.memory(), baseline.memory()]);

  process.env.FIRESTORE_EMULATOR_HOST = hostAndPort;
  // google-gax asks google-auth-library for a universe domain whenever it creates a client, even for an
  // emulator, and that probes the GCE metadata server (metadata.google.internal). Keep the run on loopback.
  process.env.METADATA_SERVER_DETECTION = 'none';
  const app = initializeApp({ projectId: PROJECT_ID }, 'bench');
  const db = getFirestore(app);
  const raw = rawClient(hostAndPort);
  try {
    // Commits per second.
    log('commits: firebase-admin set()');
    await perSecond(WARM_UP, 1, (i) =>
      messages(db, 'warm-up')
        .doc(`w${i}`)
        .set(messageData(`w${i}`)),
    );
    const sequential = await perSecond(PARAMS.sequential, 1, (i) =>
      messages(db, 'bench-seq')
        .doc(`s${i}`)
        .set(messageData(`s${i}`)),
    );
    const concurrent = await perSecond(PARAMS.concurrent, PARAMS.concurrency, (i) =>
      messages(db, 'bench-conc')
        .doc(`c${i}`)
        .set(messageData(`c${i}`)),
    );
    log('commits: raw gRPC and engine');
    const emptyCommit: CommitRequest = { database: DATABASE, writes: [] };
    await perSecond(WARM_UP, 1, () => rawCommit(raw, emptyCommit));
    const rawEmpty = await perSecond(PARAMS.rawCommits, 1, () => rawCommit(raw, emptyCommit));
    const rawOne = await perSecond(PARAMS.rawCommits, 1, (i) =>
      rawCommit(raw, { database: DATABASE, writes: [rawMessageWrite(`r${i}`)] }),
    );
    const engine = engineCommitsPerSecond(PARAMS.sequential);
    const bare = await startChild('firestore-emulator-bare-grpc.ts');
    const bareClient = rawClient(bare.ready.hostAndPort ?? '');
    await perSecond(WARM_UP, 1, () => rawCommit(bareClient, emptyCommit));
    const bareEmpty = await perSecond(PARAMS.rawCommits, 1, () => rawCommit(bareClient, emptyCommit));
    bareClient.close();
    await bare.stop();

    log('baseline');
    const base = await runBaseline(baseline);

    // One query, LISTENERS listeners.
    log(`fan-out: ${PARAMS.listeners} listeners on one query`);
    const batch = db.batch();
    for (let i = 0; i < PARAMS.windowSize; i++)
      batch.set(messages(db, 'bench-fanout').doc(`p${i}`), messageData(`p${i}`));
    await batch.commit();
    const beforeListeners = await emulator.memory();
    const fanout = openListeners(db, Array<string>(PARAMS.listeners).fill('bench-fanout'));
    const opened = now();
    await fanout.ready;
    const openMs = now() - opened;
    const afterListeners = await emulator.memory();
    const fanoutLatencies: number[] = [];
    const fanoutLast: number[] = [];
    const fanoutAcks: number[] = [];
    const clientCpuBefore = process.cpuUsage();
    for (let k = 0; k < PARAMS.fanoutCommits; k++) {
      const { latencies, ack } = await fanout.commit('bench-fanout', `f${k}`, PARAMS.listeners);
      fanoutLatencies.push(...latencies);
      fanoutLast.push(Math.max(...latencies));
      fanoutAcks.push(ack);
    }
    const clientCpu = process.cpuUsage(clientCpuBefore);
    const afterFanout = await emulator.memory();
    fanout.close();
    // Give the cancellations a moment to reach the emulator; what is still held then was not released.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const afterClose = await emulator.memory();

    // LISTENERS chats, one listener each.
    log(`fan-out: ${PARAMS.listeners} listeners on ${PARAMS.listeners} chats`);
    const roomNames = Array.from({ length: PARAMS.listeners }, (_, i) => `room-${i}`);
    const rooms = openListeners(db, roomNames);
    await rooms.ready;
    const roomLatencies: number[] = [];
    for (let k = 0; k < PARAMS.roomCommits; k++) {
      const { latencies } = await rooms.commit(roomNames[roomFor(k, PARAMS.listeners)], `r${k}`, 1);
      roomLatencies.push(...latencies);
    }
    rooms.close();
    await new Promise((resolve) => setTimeout(resolve, 1000));

    const [emulatorEnd, baselineEnd] = await Promise.all([emulator.memory(), baseline.memory()]);
    clearInterval(sampleClient);

    // Report.
    console.log('\n=== @chat/firestore-emulator benchmark ===');
    console.log(
      `node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'})`,
    );
    console.log(
      `parameters: sequential=${PARAMS.sequential} concurrent=${PARAMS.concurrent} (${PARAMS.concurrency} in flight) ` +
        `raw=${PARAMS.rawCommits} listeners=${PARAMS.listeners} fanoutCommits=${PARAMS.fanoutCommits} ` +
        `roomCommits=${PARAMS.roomCommits} window=limit(${PARAMS.windowSize}) text=${PARAMS.textBytes} chars`,
    );
    console.log(
      'ours: emulator in a child process, driven by firebase-admin in this process over loopback gRPC; ' +
        'baseline: Map + EventEmitter in a child process of its own',
    );

    printTable('Commits per second (higher is better)', [
      [
        'set(), sequential',
        rate(sequential),
        rate(base.sequentialPerSec),
        ratio(sequential, base.sequentialPerSec),
      ],
      [
        `set(), ${PARAMS.concurrency} in flight`,
        rate(concurrent),
        rate(base.concurrentPerSec),
        ratio(concurrent, base.concurrentPerSec),
      ],
      [
        'raw gRPC Commit, one message',
        rate(rawOne),
        rate(base.sequentialPerSec),
        ratio(rawOne, base.sequentialPerSec),
      ],
      [
        'raw gRPC Commit, empty',
        rate(rawEmpty),
        rate(base.sequentialPerSec),
        ratio(rawEmpty, base.sequentialPerSec),
      ],
      [
        'raw gRPC Commit, empty, vs bare grpc-js',
        rate(rawEmpty),
        rate(bareEmpty),
        ratio(rawEmpty, bareEmpty),
      ],
      [
        'engine alone (Store.commit)',
        rate(engine),
        rate(base.sequentialPerSec),
        ratio(engine, base.sequentialPerSec),
      ],
    ]);

    const p = (values: number[], q: number): number => percentile(values, q);
    printTable(`Commit → snapshot, ${PARAMS.listeners} listeners on one query (lower is better)`, [
      [
        'each listener, p50',
        ms(p(fanoutLatencies, 50)),
        ms(p(base.fanout, 50)),
        ratio(p(fanoutLatencies, 50), p(base.fanout, 50)),
      ],
      [
        'each listener, p99',
        ms(p(fanoutLatencies, 99)),
        ms(p(base.fanout, 99)),
        ratio(p(fanoutLatencies, 99), p(base.fanout, 99)),
      ],
      [
        'last listener, p50',
        ms(p(fanoutLast, 50)),
        ms(p(base.fanoutLast, 50)),
        ratio(p(fanoutLast, 50), p(base.fanoutLast, 50)),
      ],
      [
        'last listener, p99',
        ms(p(fanoutLast, 99)),
        ms(p(base.fanoutLast, 99)),
        ratio(p(fanoutLast, 99), p(base.fanoutLast, 99)),
      ],
    ]);
    console.log(
      `  (${fanoutLatencies.length} samples; set() acknowledged in p50 ${ms(p(fanoutAcks, 50))}, p99 ${ms(p(fanoutAcks, 99))}; ` +
        `opening the ${PARAMS.listeners} listeners took ${ms(openMs)})`,
    );
    console.log(
      `  (CPU per commit: emulator ${ms((afterFanout.cpuMs - afterListeners.cpuMs) / PARAMS.fanoutCommits)}, ` +
        `client ${ms((clientCpu.user + clientCpu.system) / 1000 / PARAMS.fanoutCommits)})`,
    );
    printTable(
      `Commit → snapshot, ${PARAMS.listeners} listeners on ${PARAMS.listeners} chats (lower is better)`,
      [
        [
          'the chat’s listener, p50',
          ms(p(roomLatencies, 50)),
          ms(p(base.rooms, 50)),
          ratio(p(roomLatencies, 50), p(base.rooms, 50)),
        ],
        [
          'the chat’s listener, p99',
          ms(p(roomLatencies, 99)),
          ms(p(base.rooms, 99)),
          ratio(p(roomLatencies, 99), p(base.rooms, 99)),
        ],
      ],
    );

    const perListener = (before: MemoryReport, after: MemoryReport, key: 'rss' | 'heapUsed'): number =>
      (after.settled[key] - before.settled[key]) / PARAMS.listeners;
    printTable('Memory of the serving process (lower is better)', [
      [
        'idle RSS at start',
        mib(emulatorIdle.settled.rss),
        mib(baselineIdle.settled.rss),
        ratio(emulatorIdle.settled.rss, baselineIdle.settled.rss),
      ],
      [
        'heap after GC, at start',
        mib(emulatorIdle.settled.heapUsed),
        mib(baselineIdle.settled.heapUsed),
        ratio(emulatorIdle.settled.heapUsed, baselineIdle.settled.heapUsed),
      ],
      [
        'peak RSS (sampled)',
        mib(emulatorEnd.peak.rss),
        mib(baselineEnd.peak.rss),
        ratio(emulatorEnd.peak.rss, baselineEnd.peak.rss),
      ],
      [
        'peak RSS (VmHWM)',
        emulatorEnd.vmHwm === null ? 'n/a' : mib(emulatorEnd.vmHwm),
        baselineEnd.vmHwm === null ? 'n/a' : mib(baselineEnd.vmHwm),
        emulatorEnd.vmHwm === null || baselineEnd.vmHwm === null
          ? 'n/a'
          : ratio(emulatorEnd.vmHwm, baselineEnd.vmHwm),
      ],
      [
        'peak heap used',
        mib(emulatorEnd.peak.heapUsed),
        mib(baselineEnd.peak.heapUsed),
        ratio(emulatorEnd.peak.heapUsed, baselineEnd.peak.heapUsed),
      ],
      [
        'heap after GC, end (listeners closed)',
        mib(emulatorEnd.settled.heapUsed),
        mib(baselineEnd.settled.heapUsed),
        ratio(emulatorEnd.settled.heapUsed, baselineEnd.settled.heapUsed),
      ],
      [
        'heap per open listener',
        kib(perListener(beforeListeners, afterListeners, 'heapUsed')),
        kib(perListener(base.beforeListeners, base.afterListeners, 'heapUsed')),
        ratio(
          perListener(beforeListeners, afterListeners, 'heapUsed'),
          perListener(base.beforeListeners, base.afterListeners, 'heapUsed'),
        ),
      ],
      [
        'heap per listener, still held 1 s after closing',
        kib(perListener(beforeListeners, afterClose, 'heapUsed')),
        '-',
        '',
      ],
      [
        'RSS per open listener',
        kib(perListener(beforeListeners, afterListeners, 'rss')),
        kib(perListener(base.beforeListeners, base.afterListeners, 'rss')),
        ratio(
          perListener(beforeListeners, afterListeners, 'rss'),
          perListener(base.beforeListeners, base.afterListeners, 'rss'),
        ),
      ],
    ]);
    console.log(
      `  (client process, firebase-admin with ${PARAMS.listeners} listeners: peak RSS ${mib(clientPeak.rss)}, ` +
        `peak heap ${mib(clientPeak.heapUsed)}; whole run ${((now() - started) / 1000).toFixed(1)} s)`,
    );
  } finally {
    clearInterval(sampleClient);
    raw.close();
    await db.terminate().catch(() => undefined);
    await deleteApp(app).catch(() => undefined);
    await Promise.all([emulator.stop(), baseline.stop()]);
  }
}

function log(step: string): void {
  process.stderr.write(`[bench] ${step}\n`);
}

const watchdog = setTimeout(() => {
  process.stderr.write(`[bench] gave up after ${PARAMS.runTimeoutMs} ms\n`);
  process.exit(1); // kills the children (owned-children.ts)
}, PARAMS.runTimeoutMs);
watchdog.unref();

main().then(
  () => clearTimeout(watchdog),
  (err: unknown) => {
    process.stderr.write(`[bench] failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1); // kills the children (owned-children.ts)
  },
);
