/**
 * The API over a Firestore that fails, for real (`silent-firestore.ts`): one that refuses every call, whose
 * errors become a 500 with a generic message; and one that hangs rather than fails, accepting every call
 * and never answering. The rate limits must not hold a request hostage to it (the README: if Firestore
 * fails, requests pass and the failure is logged), and a request whose own reads hang must still end, with
 * `unavailable` in the envelope, before the platform's timeout cuts it off without one.
 */
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import request from 'supertest';
import type { LogEntry } from '@chat/core';
import { createApp } from '../src/app';
import { parseConfig, type AppConfig } from '../src/config';
import { RATE_LIMIT_STORE_TIMEOUT_MS } from '../src/http/firestore-rate-limit-store';
import { startSilentFirestore, type SilentFirestore } from './silent-firestore';
import { createHarness, PROJECT_ID, testConfig, type Harness } from './support';

/** Production's limits, so both limiters count every request in the silent Firestore. */
const config: AppConfig = {
  ...parseConfig({
    APP_ENV: 'test',
    CORS_ORIGINS: ['http://localhost:5173'],
    RATE_LIMIT_PER_IP: 600,
    RATE_LIMIT_PER_USER: 300,
    RATE_LIMIT_SENDS_PER_USER: 60,
  }),
  requestDeadlineMs: 8_000,
};
/** Time for a loaded machine on top of a bound: this is about ending at all, not about speed. */
const MARGIN_MS = 5_000;

let h: Harness;
let silent: SilentFirestore;
let firebase: App;
let logs: LogEntry[];
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  h = createHarness(); // the real Auth emulator, for a real ID token
  silent = await startSilentFirestore(PROJECT_ID);
  firebase = initializeApp({ projectId: PROJECT_ID }, 'firestore-hangs');
  logs = [];
  app = createApp({ config, db: silent.db, auth: getAuth(firebase), log: (entry) => logs.push(entry) });
});
afterAll(async () => {
  await silent.stop();
  await deleteApp(firebase);
  await h.close();
});
jest.setTimeout(60_000);

const linesOf = (res: { headers: Record<string, string> }) =>
  logs.filter((entry) => entry.requestId === res.headers['x-request-id']);

it('when the per-IP limiter cannot reach Firestore, then it gives up within its bound, the request is served, and the failure is logged', async () => {
  const started = Date.now();
  const res = await request(app).get('/openapi.json');
  const elapsed = Date.now() - started;
  expect(res.status).toBe(200);
  expect(silent.held()).toBeGreaterThan(0); // it did ask, and nobody answered
  expect(elapsed).toBeGreaterThanOrEqual(RATE_LIMIT_STORE_TIMEOUT_MS - 50);
  expect(elapsed).toBeLessThan(RATE_LIMIT_STORE_TIMEOUT_MS + MARGIN_MS);
  expect(logs).toContainEqual(
    expect.objectContaining({
      severity: 'ERROR',
      limiter: 'ip',
      message: expect.stringContaining(`no answer within ${RATE_LIMIT_STORE_TIMEOUT_MS} ms`),
    }),
  );
});

it('when a signed-in request reads a Firestore that never answers, then it ends at the deadline with 503 unavailable and one ERROR line', async () => {
  const user = await h.newUser();
  const started = Date.now();
  const res = await request(app).get('/users/me').set('Authorization', `Bearer ${user.idToken}`);
  const elapsed = Date.now() - started;
  expect(res.status).toBe(503);
  expect(res.body.error).toMatchObject({ status: 503, code: 'unavailable' });
  expect(res.body.error.message).not.toMatch(/firestore|grpc|127\.0\.0\.1/i);
  expect(elapsed).toBeGreaterThanOrEqual(config.requestDeadlineMs - 50);
  expect(elapsed).toBeLessThan(config.requestDeadlineMs + MARGIN_MS);
  const errors = linesOf(res).filter((line) => line.severity === 'ERROR' && !('limiter' in line));
  expect(errors).toHaveLength(1);
});

describe('when Firestore refuses every call at once', () => {
  let refusing: SilentFirestore;
  let refusingApp: ReturnType<typeof createApp>;
  const refusingLogs: LogEntry[] = [];
  beforeAll(async () => {
    refusing = await startSilentFirestore(PROJECT_ID, { refuse: true });
    // The limits off, so the only failure is the handler's own read.
    refusingApp = createApp({
      config: testConfig,
      db: refusing.db,
      auth: getAuth(firebase),
      log: (entry) => refusingLogs.push(entry),
    });
  });
  afterAll(() => refusing.stop());

  it('then a route whose read fails answers 500 internal with the generic message, and logs one ERROR line with the stack', async () => {
    const user = await h.newUser();
    const res = await request(refusingApp).get('/users/me').set('Authorization', `Bearer ${user.idToken}`);
    expect(res.status).toBe(500);
    expect(res.body.error).toEqual({
      status: 500,
      code: 'internal',
      message: 'Something went wrong on our side. It has been logged.',
      requestId: res.headers['x-request-id'],
    });
    const lines = refusingLogs.filter((entry) => entry.requestId === res.headers['x-request-id']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ severity: 'ERROR', httpRequest: { requestUrl: '/users/me' } });
    expect(lines[0]?.message).toMatch(/^Error: 3 INVALID_ARGUMENT: test over\n\s+at /);
  });
});
