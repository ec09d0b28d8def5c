/**
 * Shared plumbing of the Firestore conformance suite. The suite talks to whatever FIRESTORE_EMULATOR_HOST
 * names, only through firebase-admin:
 *   npx tsc -b packages/firestore-emulator && npx jest --selectProjects conformance      (ours, started by global-setup)
 *   npx firebase emulators:exec --only firestore --config packages/firestore-emulator/test/conformance/firebase.json \
 *     "npx jest --selectProjects conformance"                                             (the official emulator)
 */
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import {
  initializeFirestore,
  type CollectionReference,
  type DocumentData,
  type DocumentReference,
  type DocumentSnapshot,
  type Firestore,
  type Query,
  type QuerySnapshot,
  type Settings,
} from 'firebase-admin/firestore';

/** gRPC status codes the suite asserts on. */
export const Code = {
  CANCELLED: 1,
  INVALID_ARGUMENT: 3,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
} as const;

// Emulator round trips plus SDK retries/backoff need more than Jest's default 5 s.
jest.setTimeout(30_000);

let appSeq = 0;

/** The emulator under test, as global-setup or the caller's environment set it. */
export function emulatorHost(): string {
  const host = process.env.FIRESTORE_EMULATOR_HOST;
  if (!host)
    throw new Error(
      'FIRESTORE_EMULATOR_HOST is unset: run the suite with `jest --selectProjects conformance`',
    );
  return host;
}

/** Deletes every document of a project through the emulator-only REST endpoint. */
export async function clearProject(projectId: string): Promise<void> {
  const url = `http://${emulatorHost()}/emulator/v1/projects/${projectId}/databases/(default)/documents`;
  const res = await fetch(url, { method: 'DELETE' });
  if (!res.ok) throw new Error(`DELETE ${url} answered ${res.status}: ${await res.text()}`);
}

export interface ConformanceProject {
  readonly projectId: string;
  readonly app: App;
  readonly db: Firestore;
}

/**
 * Gives a test file its own project (`demo-conf-<topic>`) and a firebase-admin app for it; data is
 * cleared before every test and the app deleted after the file, so files can run in parallel.
 */
export function useProject(topic: string, settings?: Pick<Settings, 'useBigInt'>): ConformanceProject {
  const projectId = `demo-conf-${topic}`;
  const app = initializeApp({ projectId }, `${projectId}-${process.pid}-${++appSeq}`);
  const db = initializeFirestore(app);
  if (settings) db.settings(settings);
  beforeEach(() => clearProject(projectId));
  afterAll(() => deleteApp(app));
  return { projectId, app, db };
}

/** Writes `{ id: data }` documents into a collection, in one batch. */
export async function seed(coll: CollectionReference, docs: Record<string, DocumentData>): Promise<void> {
  const batch = coll.firestore.batch();
  for (const [id, data] of Object.entries(docs)) batch.set(coll.doc(id), data);
  await batch.commit();
}

/** Ids of a query's results, in result order. */
export async function ids(query: Query): Promise<string[]> {
  const snap = await query.get();
  return snap.docs.map((d) => d.id);
}

/** Resolves with the rejection of `promise`, failing if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error & { code?: number }> {
  try {
    await promise;
  } catch (err) {
    return err as Error & { code?: number };
  }
  throw new Error('expected the promise to reject, but it resolved');
}

/** A one-shot gate that opens once `parties` callers have arrived. */
export function barrier(parties: number): () => Promise<void> {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    if (++arrived >= parties) open();
    return opened;
  };
}

/**
 * Buffers the snapshots of one listener so a test can await them in order. `stop()` unsubscribes;
 * every listener a test opens must be stopped (afterEach) so Jest exits with no open handles.
 */
export class SnapshotQueue<T> {
  private readonly buffered: T[] = [];
  private waiter: { resolve: (value: T) => void; reject: (err: Error) => void } | undefined;
  private failure: Error | undefined;
  private readonly unsubscribe: () => void;

  private constructor(subscribe: (next: (value: T) => void, fail: (err: Error) => void) => () => void) {
    this.unsubscribe = subscribe(
      (value) => {
        if (this.waiter) {
          const { resolve } = this.waiter;
          this.waiter = undefined;
          resolve(value);
        } else {
          this.buffered.push(value);
        }
      },
      (err) => {
        this.failure = err;
        this.waiter?.reject(err);
        this.waiter = undefined;
      },
    );
  }

  static ofQuery(query: Query): SnapshotQueue<QuerySnapshot> {
    return new SnapshotQueue<QuerySnapshot>((next, fail) => query.onSnapshot(next, fail));
  }

  static ofDoc(ref: DocumentReference): SnapshotQueue<DocumentSnapshot> {
    return new SnapshotQueue<DocumentSnapshot>((next, fail) => ref.onSnapshot(next, fail));
  }

  /** The next snapshot, waiting at most `timeoutMs`. */
  next(timeoutMs = 10_000): Promise<T> {
    const ready = this.buffered.shift();
    if (ready !== undefined) return Promise.resolve(ready);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        reject(new Error(`no snapshot within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiter = {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        reject: (err) => {
          clearTimeout(timer);
          reject(err);
        },
      };
    });
  }

  /** Skips snapshots until one satisfies `predicate` (the SDK may coalesce or split changes). */
  async until(predicate: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await this.next(Math.max(1, deadline - Date.now()));
      if (predicate(value)) return value;
    }
  }

  /** How many snapshots arrived but were not yet consumed. */
  get pending(): number {
    return this.buffered.length;
  }

  stop(): void {
    this.unsubscribe();
  }
}

/**
 * A test of production behaviour that the official emulator (1.19.9, checked by hand) is known not to follow.
 * Ours follows production, so the test runs against ours; against the official emulator
 * (FIRESTORE_EMULATOR_KIND=official, set by the stack launcher and the conformance workflow) it is skipped,
 * and the reason is printed in the run.
 */
export function itWhereOfficialDeviates(
  deviation: string,
  name: string,
  fn: () => Promise<void>,
  timeout?: number,
) {
  if (process.env.FIRESTORE_EMULATOR_KIND === 'official') {
    console.warn(`SKIPPED "${name}": the official emulator deviates from production here (${deviation}).`);
    it.skip(name, fn, timeout);
  } else {
    it(name, fn, timeout);
  }
}
