/**
 * What the browser tests need from the stack `npm test` started: the web app's URL, the emulators (through
 * firebase-admin, to make users and chats), and a relay of their own, which they can restart.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { createServices, type AuthContext, type Services } from '@chat/core';
import { localRelayUrl, startLocalRelay, type LocalRelay } from '../../../scripts/lib/relay';
import { waitUntil } from './wait';

export const PASSWORD = 'web-test-password';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests with npm test (the stack sets it).`);
  return value;
}

export const webUrl = (): string => required('WEB_URL');

/** The port offset of this Jest worker's relay: the stack's for the first worker, 10 more per worker after. */
function relayOffset(): number {
  const worker = Number(process.env.JEST_WORKER_ID ?? 1);
  return Number(process.env.STACK_PORT_OFFSET ?? 100) + 10 * (worker - 1);
}

export interface TestUser extends AuthContext {
  email: string;
  displayName: string;
}

/** firebase-admin on the emulators, and the project's services, for setting scenes. */
export class TestStack {
  readonly services: Services;
  private readonly app: App;
  private readonly run = randomBytes(3).toString('hex');
  private made = 0;
  relay: LocalRelay | undefined;

  constructor() {
    this.app = initializeApp({ projectId: required('GCLOUD_PROJECT') }, `web-test-${this.run}`);
    this.services = createServices(getFirestore(this.app), getAuth(this.app));
  }

  /** A user with a profile, unique to this run. */
  async user(name: string): Promise<TestUser> {
    const uid = `${name}-${this.run}-${++this.made}`;
    const email = `${uid}@example.com`;
    const displayName = `${name[0]?.toUpperCase()}${name.slice(1)} ${this.run}`;
    await getAuth(this.app).createUser({ uid, email, password: PASSWORD, displayName });
    const user = { uid, email, admin: false, displayName };
    await this.services.users.createProfile(user, { displayName });
    return user;
  }

  /** Give a user the `admin` custom claim (their next ID token carries it), as the demo seed does for carol. */
  async makeAdmin(user: TestUser): Promise<TestUser> {
    await getAuth(this.app).setCustomUserClaims(user.uid, { admin: true });
    return { ...user, admin: true };
  }

  /**
   * Resolves once a message's fan-out trigger (last message, unread counts) has finished in the Functions
   * emulator, where on a loaded machine it waits its turn behind other suites' triggers.
   */
  async fannedOut(chatId: string, messageId: string, timeoutMs = 120_000): Promise<void> {
    const marker = getFirestore(this.app).doc(`chats/${chatId}/fanouts/${messageId}_done`);
    await waitUntil(
      async () => (await marker.get()).exists,
      timeoutMs,
      `the fan-out of message ${messageId}`,
    );
  }

  async directChat(a: TestUser, b: TestUser): Promise<string> {
    return (await this.services.chats.openDirect(a, b.uid)).chat.id;
  }

  /**
   * The Functions emulator runs one request per worker process and starts a worker (seconds on a busy
   * machine) for each request that finds none idle: start a few before the pages need them.
   */
  async warmUp(workers = 6): Promise<void> {
    const apiUrl = required('API_URL');
    await Promise.all(Array.from({ length: workers }, () => fetch(`${apiUrl}/ping`)));
  }

  /**
   * The relay's URL, for the pages' `/env.json` (see `newContext`). Each Jest worker runs its own relay
   * (and Redis) 10 ports further on, so two browser test files running side by side do not share one; the
   * first worker's is the one the stack's `/env.json` names already.
   */
  get relayUrl(): string {
    return localRelayUrl(relayOffset());
  }

  async startRelay(): Promise<void> {
    this.relay = await startLocalRelay({
      root: path.resolve(__dirname, '../../..'),
      offset: relayOffset(),
      emulatorEnv: {
        GCLOUD_PROJECT: required('GCLOUD_PROJECT'),
        FIRESTORE_EMULATOR_HOST: required('FIRESTORE_EMULATOR_HOST'),
        FIREBASE_AUTH_EMULATOR_HOST: required('FIREBASE_AUTH_EMULATOR_HOST'),
      },
      corsOrigins: [webUrl()],
      say: () => undefined,
    });
  }

  async stopRelay(): Promise<void> {
    await this.relay?.stop();
    this.relay = undefined;
  }

  async close(): Promise<void> {
    await this.stopRelay();
    await deleteApp(this.app);
  }
}
