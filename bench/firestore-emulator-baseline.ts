/**
 * Child process of bench/firestore-emulator.ts: the baseline. The same logical work as the emulator run,
 * done on a bare in-memory Map with a plain EventEmitter for the fan-out, in a process of its own so its
 * memory figures are comparable with the emulator child's.
 *
 *   parent → { type: 'run', params }  child → { type: 'result', result }
 *   parent → { type: 'memory', id }   child → { type: 'memory', id, report }
 *   parent → { type: 'stop' }         child exits
 */
import { EventEmitter } from 'node:events';
import { MemoryProbe, answerMemoryRequests, type MemoryReport } from './process-memory';

export interface BaselineParams {
  /** Untimed commits before the timed ones (the emulator run's warm-up). */
  warmUp: number;
  /** Documents the emulator run also stores through raw gRPC; stored here untimed, for equal memory. */
  rawCommits: number;
  sequential: number;
  concurrent: number;
  concurrency: number;
  listeners: number;
  fanoutCommits: number;
  roomCommits: number;
  windowSize: number;
  textBytes: number;
}

export interface BaselineResult {
  sequentialPerSec: number;
  concurrentPerSec: number;
  /** Commit → each listener, ms, one per listener per commit. */
  fanout: number[];
  /** Commit → the last of the listeners, ms, one per commit. */
  fanoutLast: number[];
  /** Commit → the one listener of the room written to, ms, one per commit. */
  rooms: number[];
  beforeListeners: MemoryReport;
  afterListeners: MemoryReport;
}

interface StoredMessage {
  id: string;
  senderId: string;
  text: string;
  createdAt: Date;
  editedAt: null;
  deletedAt: null;
  replyToId: null;
  clientMessageId: string;
}

const now = (): number => performance.now();
/** Passes of the commit loops; the median rate is reported. */
const PASSES = 9;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function run(params: BaselineParams, probe: MemoryProbe): Promise<BaselineResult> {
  const docs = new Map<string, StoredMessage>();
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const text = 'x'.repeat(params.textBytes);
  // Async like a client's set(), so the sequential and concurrent loops have the same shape as the SDK's.
  const commit = async (chat: string, id: string): Promise<StoredMessage> => {
    const message: StoredMessage = {
      id,
      senderId: 'user-1',
      text,
      createdAt: new Date(),
      editedAt: null,
      deletedAt: null,
      replyToId: null,
      clientMessageId: id,
    };
    docs.set(`chats/${chat}/messages/${id}`, message);
    events.emit(chat, message);
    return message;
  };

  for (let i = 0; i < params.warmUp; i++) await commit('warm-up', `w${i}`);
  for (let i = 0; i < params.rawCommits; i++) await commit('bench-raw', `r${i}`);
  // A Map does this work in milliseconds, so one pass is mostly noise: the median of several passes.
  // Every pass writes the same ids, so the Map ends up holding as many documents as the emulator.
  const sequentialRates: number[] = [];
  const concurrentRates: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    let started = now();
    for (let i = 0; i < params.sequential; i++) await commit('bench-seq', `s${i}`);
    sequentialRates.push(params.sequential / ((now() - started) / 1000));

    started = now();
    let next = 0;
    await Promise.all(
      Array.from({ length: params.concurrency }, async () => {
        while (next < params.concurrent) await commit('bench-conc', `c${next++}`);
      }),
    );
    concurrentRates.push(params.concurrent / ((now() - started) / 1000));
  }
  const sequentialPerSec = median(sequentialRates);
  const concurrentPerSec = median(concurrentRates);

  // The same query window as the listeners: a chat's latest `windowSize` messages.
  for (let i = 0; i < params.windowSize; i++) await commit('bench-fanout', `p${i}`);
  const beforeListeners = probe.report();
  const fanout: number[] = [];
  const fanoutLast: number[] = [];
  let t0 = 0;
  let expected = '';
  const windows: StoredMessage[][] = [];
  for (let i = 0; i < params.listeners; i++) {
    const window: StoredMessage[] = [];
    windows.push(window);
    events.on('bench-fanout', (message: StoredMessage) => {
      window.unshift(message);
      if (window.length > params.windowSize) window.pop();
      if (message.id === expected) fanout.push(now() - t0);
    });
  }
  const afterListeners = probe.report();
  for (let k = 0; k < params.fanoutCommits; k++) {
    expected = `f${k}`;
    t0 = now();
    await commit('bench-fanout', expected);
    fanoutLast.push(now() - t0);
  }
  events.removeAllListeners('bench-fanout');

  const rooms: number[] = [];
  for (let i = 0; i < params.listeners; i++) {
    const window: StoredMessage[] = [];
    events.on(`room-${i}`, (message: StoredMessage) => {
      window.unshift(message);
      if (window.length > params.windowSize) window.pop();
      if (message.id === expected) rooms.push(now() - t0);
    });
  }
  for (let k = 0; k < params.roomCommits; k++) {
    expected = `r${k}`;
    t0 = now();
    await commit(`room-${roomFor(k, params.listeners)}`, expected);
  }
  events.removeAllListeners();
  return {
    sequentialPerSec,
    concurrentPerSec,
    fanout,
    fanoutLast,
    rooms,
    beforeListeners,
    afterListeners,
  };
}

/** The room the k-th commit goes to; shared with the emulator run so both write the same rooms. */
export function roomFor(k: number, rooms: number): number {
  return (k * 7919) % rooms;
}

function main(): void {
  const probe = new MemoryProbe();
  answerMemoryRequests(probe);
  process.on('message', (message: { type?: string; params?: BaselineParams }) => {
    if (message.type === 'stop') {
      probe.close();
      process.exit(0);
    }
    if (message.type !== 'run' || !message.params) return;
    run(message.params, probe).then(
      (result) => process.send?.({ type: 'result', result }),
      (err: unknown) => {
        process.stderr.write(`baseline child failed: ${err instanceof Error ? err.stack : String(err)}\n`);
        process.exit(1);
      },
    );
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ type: 'ready' });
}

if (require.main === module) main();
