/**
 * What every relay test stands on: the emulators started by `npm test` (scripts/stack.ts), the exact relay
 * that runs on Cloud Run (built by `createRelay`, on port 0), real ID tokens from the Auth emulator and
 * real socket.io-client sockets. Everything a test starts is registered here and stopped by `cleanup()`.
 */
import { randomUUID } from 'node:crypto';
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { getAuth, type Auth } from 'firebase-admin/auth';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';
import { io as connectClient, type Socket } from 'socket.io-client';
import {
  createServices,
  type Ack,
  type AuthContext,
  type Message,
  type Services,
  type ChatClientEvents,
  type ChatServerEvents,
  type LogEntry,
  type NotificationClientEvents,
  type NotificationServerEvents,
} from '@chat/core';
import { parseConfig, type RelayConfig } from '../src/config';
import { createRelay, type Relay } from '../src/server';
import { createUser, type TestUser } from '../../scripts/lib/auth-emulator';

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set. Run the tests with \`npm test\`, which starts the emulators.`);
  return value;
}

export const PROJECT_ID = requireEnv('GCLOUD_PROJECT');
// Every test talks to emulators that may share the machine with other runs (and, in `npm test`, with the
// Functions emulator running triggers): wait generously, fail on real hangs only.
jest.setTimeout(30_000);
requireEnv('FIRESTORE_EMULATOR_HOST');
requireEnv('FIREBASE_AUTH_EMULATOR_HOST');

export type ChatClient = Socket<ChatServerEvents, ChatClientEvents>;
export type NotificationClient = Socket<NotificationServerEvents, NotificationClientEvents>;

export function testConfig(overrides: Record<string, string> = {}): RelayConfig {
  return parseConfig({
    APP_ENV: 'test',
    PORT: '0',
    GCLOUD_PROJECT: PROJECT_ID,
    REVOCATION_CHECK_MS: '200',
    LISTENER_CHECK_MS: '500',
    ...overrides,
  });
}

export interface RunningRelay {
  relay: Relay;
  logs: LogEntry[];
  close(): Promise<void>;
}

/** Everything one test file starts, stopped in reverse order by `cleanup()`. */
export class Harness {
  readonly firebase: App;
  readonly db: Firestore;
  readonly auth: Auth;
  readonly services: Services;
  private readonly stops: Array<() => Promise<void> | void> = [];

  constructor() {
    this.firebase = initializeApp({ projectId: PROJECT_ID }, `relay-test-${randomUUID()}`);
    this.db = getFirestore(this.firebase);
    this.auth = getAuth(this.firebase);
    this.services = createServices(this.db, this.auth);
  }

  /** Register something to stop at cleanup. */
  defer(stop: () => Promise<void> | void): void {
    this.stops.push(stop);
  }

  async startRelay(overrides: Record<string, string> = {}, db: Firestore = this.db): Promise<RunningRelay> {
    const logs: LogEntry[] = [];
    const relay = await createRelay({
      config: testConfig(overrides),
      auth: this.auth,
      db,
      log: (entry) => logs.push(entry),
    });
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await relay.close();
    };
    this.defer(close);
    return { relay, logs, close };
  }

  /**
   * A user in the Auth emulator with a uid unique to this run, signed in, with a profile in Firestore.
   * `welcome: false` leaves the welcome notification to the trigger, for tests that never read the inbox.
   */
  async newUser(options: { welcome?: boolean } = {}): Promise<TestUser> {
    const user = await createUser(this.auth, { uid: uniqueId('u') });
    await this.services.users.createProfile(this.as(user), { displayName: user.uid });
    if (options.welcome === false) return user;
    // The stack's Functions emulator runs the real userCreated trigger, which writes a welcome notification
    // once (a create with a fixed id). Write it here first, with the same service call, so it never lands in
    // the middle of a test that counts the inbox, and no test waits on the trigger's latency: the trigger's
    // own run then finds it and writes nothing.
    await this.services.notifications.welcome(user.uid, user.uid);
    return user;
  }

  /** A connected `/chat` socket; rejects with the connect_error when the relay refuses it. */
  chat(
    relay: Pick<Relay, 'url'>,
    token: string,
    options: { reconnection?: boolean } = {},
  ): Promise<ChatClient> {
    return this.connect(`${relay.url}/chat`, token, options) as Promise<ChatClient>;
  }

  notifications(relay: Pick<Relay, 'url'>, token: string): Promise<NotificationClient> {
    return this.connect(`${relay.url}/notifications`, token, {}) as Promise<NotificationClient>;
  }

  /** A socket that is not yet connected, for tests that watch the handshake themselves. */
  socket(url: string, token: string | undefined, options: { reconnection?: boolean } = {}): Socket {
    const socket = connectClient(url, {
      auth: token === undefined ? {} : { token },
      transports: ['websocket'],
      forceNew: true,
      reconnection: options.reconnection ?? false,
      reconnectionDelay: 50,
      reconnectionDelayMax: 200,
      autoConnect: false,
    });
    this.defer(() => {
      socket.disconnect();
    });
    return socket;
  }

  private connect(url: string, token: string, options: { reconnection?: boolean }): Promise<Socket> {
    const socket = this.socket(url, token, options);
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
      socket.connect();
    });
  }

  /** The caller context a verified token of this user gives the core services. */
  as(user: { uid: string; email?: string }): AuthContext {
    return { uid: user.uid, email: user.email ?? null, admin: false };
  }

  /** A group chat owned by the first user, with the others as members, made by the core service. */
  async groupChat(owner: TestUser, others: TestUser[]): Promise<string> {
    const opened = await this.services.chats.createGroup(
      this.as(owner),
      'Test chat',
      others.map((u) => u.uid),
    );
    return opened.chat.id;
  }

  /** Send as `user` through the core service, exactly what `POST /chats/{chatId}/messages` runs. */
  async send(user: TestUser, chatId: string, text: string): Promise<Message> {
    return (await this.services.messages.send(this.as(user), chatId, { text })).message;
  }

  /**
   * Stop everything, in reverse order. A stop that fails does not keep the rest running, but it fails the
   * cleanup (and so the test's hook) afterwards: a relay that cannot close is a finding, not noise.
   */
  async cleanup(): Promise<void> {
    const failures: unknown[] = [];
    for (const stop of this.stops.reverse()) {
      try {
        await stop();
      } catch (error) {
        failures.push(error);
      }
    }
    this.stops.length = 0;
    await deleteApp(this.firebase).catch((error: unknown) => failures.push(error));
    if (failures.length > 0) throw new AggregateError(failures, `${failures.length} teardown step(s) failed`);
  }
}

export function uniqueId(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 12)}`;
}

/** Emit with an ack and a timeout; resolves to the ack. */
export async function call<T>(socket: Socket, event: string, payload: unknown): Promise<Ack<T>> {
  return (await socket.timeout(10_000).emitWithAck(event, payload)) as Ack<T>;
}

/** The data of a successful ack; fails the test with the error otherwise. */
export async function ok<T>(socket: Socket, event: string, payload: unknown): Promise<T> {
  const answer = await call<T>(socket, event, payload);
  if (!answer.ok) throw new Error(`${event} failed: ${answer.error.code}: ${answer.error.message}`);
  return answer.data;
}

/** The next `event` on `socket`, or a rejection after `timeoutMs`. */
export function next<T>(socket: Socket, event: string, timeoutMs = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, on);
      reject(new Error(`No ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const on = (value: T) => {
      clearTimeout(timer);
      resolve(value);
    };
    socket.once(event, on);
  });
}

/** Every `event` a socket receives from now on, in order. */
export function collect<T>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (value: T) => seen.push(value));
  return seen;
}

/**
 * The positive end of a "nothing else arrives" window: a private message from `from`'s socket to `to`,
 * awaited on `atTo` (one of `to`'s sockets). Call it once whatever must not reach `atTo` has been emitted
 * (the test has seen it arrive elsewhere): a socket's frames arrive in order, so once the marker is in,
 * anything the socket would wrongly have received is in too. Returns the marker, which `atTo` also saw.
 */
export async function marker(from: ChatClient, to: { uid: string }, atTo: ChatClient): Promise<Message> {
  const seen: string[] = [];
  const onMessage = (message: Message) => seen.push(message.id);
  atTo.on('message:new', onMessage);
  try {
    const sent = await ok<{ message: Message }>(from, 'message:private', {
      to: to.uid,
      text: 'marker',
      clientMessageId: uniqueId('marker'),
    });
    await eventually(() => expect(seen).toContain(sent.message.id));
    return sent.message;
  } finally {
    atTo.off('message:new', onMessage);
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Poll until `check` passes; when `timeoutMs` runs out first, fail with its last failure (which says what
 * was awaited and what was seen instead).
 */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        if (error instanceof Error) error.message = `Still failing after ${timeoutMs} ms:\n${error.message}`;
        throw error;
      }
      await sleep(50);
    }
  }
}
