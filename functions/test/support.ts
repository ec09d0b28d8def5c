/**
 * What every functions test stands on: the real emulators started by `npm test` (scripts/stack.ts), the
 * exact Express app that `onRequest` serves, and real ID tokens minted by the Auth emulator.
 */
import { randomUUID } from 'node:crypto';
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { getAuth, type Auth } from 'firebase-admin/auth';
import { FieldValue, getFirestore, type Firestore } from 'firebase-admin/firestore';
import type { LogEntry } from '@chat/core';
import { createApp } from '../src/app';
import { parseConfig, type AppConfig } from '../src/config';
import { createUser, type TestUser } from '../../scripts/lib/auth-emulator';

export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set. Run the tests with \`npm test\`, which starts the emulators.`);
  return value;
}

/**
 * A public route that needs nothing but the app: for "the app still serves" and the per-IP limit. Not
 * `/ping`, which answers 503 when Firestore is slow to answer (as on a loaded test machine).
 */
export const PUBLIC_ROUTE = '/openapi.json';

export const PROJECT_ID = requireEnv('GCLOUD_PROJECT');
requireEnv('FIRESTORE_EMULATOR_HOST');
requireEnv('FIREBASE_AUTH_EMULATOR_HOST');

export const testConfig: AppConfig = parseConfig({
  APP_ENV: 'test',
  CORS_ORIGINS: ['http://localhost:5173'],
});

export interface Harness {
  firebase: App;
  db: Firestore;
  auth: Auth;
  /** Every structured log line the app wrote. */
  logs: LogEntry[];
  app: ReturnType<typeof createApp>;
  /** A new user in the Auth emulator, signed in, with a uid unique to this run. */
  newUser(options?: { admin?: boolean }): Promise<TestUser>;
  close(): Promise<void>;
}

export function createHarness(config: AppConfig = testConfig): Harness {
  const firebase = initializeApp({ projectId: PROJECT_ID }, `test-${randomUUID()}`);
  const db = getFirestore(firebase);
  const auth = getAuth(firebase);
  const logs: LogEntry[] = [];
  const app = createApp({ config, db, auth, log: (entry) => logs.push(entry), projectId: PROJECT_ID });
  return {
    firebase,
    db,
    auth,
    logs,
    app,
    newUser: (options = {}) =>
      createUser(auth, { uid: uniqueId('user'), claims: options.admin ? { admin: true } : undefined }),
    close: () => deleteApp(firebase),
  };
}

export function uniqueId(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 12)}`;
}

/**
 * `count` user profiles written straight to Firestore in one batch (no Auth accounts), with ids starting
 * with `prefix`: members for tests that call the services or triggers in-process.
 */
export async function seedProfiles(db: Firestore, count: number, prefix: string): Promise<string[]> {
  const uids = Array.from({ length: count }, () => uniqueId(prefix));
  const batch = db.batch();
  for (const uid of uids) {
    batch.create(db.doc(`users/${uid}`), {
      displayName: `Name of ${uid}`,
      email: null,
      photoURL: null,
      bio: '',
      createdAt: FieldValue.serverTimestamp(),
      updatedAt: FieldValue.serverTimestamp(),
    });
  }
  await batch.commit();
  return uids;
}
