import request from 'supertest';
import { createServer } from 'node:net';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { Firestore } from 'firebase-admin/firestore';
import { createApp } from '../src/app';
import { createHarness, PROJECT_ID, testConfig, type Harness } from './support';

let h: Harness;
beforeAll(() => {
  h = createHarness();
});
afterAll(() => h.close());

describe('GET /ping', () => {
  it('when Firestore answers, then 200 with status ok and Firestore reachable', async () => {
    const res = await request(h.app).get('/ping');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', env: 'test', firestore: { reachable: true } });
    expect(typeof res.body.firestore.latencyMs).toBe('number');
  });

  it('when Firestore does not answer, then 503 degraded with the reason', async () => {
    // A real socket that accepts connections and never speaks: Firestore calls hang until the health timeout.
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const db = new Firestore({
      projectId: PROJECT_ID,
      host: '127.0.0.1',
      port,
      ssl: false,
      customHeaders: { Authorization: 'Bearer owner' },
    });
    const firebase = initializeApp({ projectId: PROJECT_ID }, 'ping-unreachable');
    try {
      const app = createApp({ config: testConfig, db, auth: getAuth(firebase), log: () => undefined });
      const res = await request(app).get('/ping');
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({
        status: 'degraded',
        firestore: { reachable: false, error: expect.stringContaining('no answer') },
      });
    } finally {
      await db.terminate();
      await deleteApp(firebase);
      silent.close();
    }
  }, 15_000);
});
