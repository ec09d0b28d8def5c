/**
 * The API's cache of verified tokens and account states (core's `CachedTokenVerifier`), through the exact
 * app, with tokens revoked and accounts disabled in the Auth emulator: what is cached, for how long, and
 * how a revocation made through the API reaches another instance.
 */
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import request from 'supertest';
import { CachedTokenVerifier, RevocationRepository } from '@chat/core';
import { createApp } from '../src/app';
import { createHarness, PROJECT_ID, testConfig, uniqueId, type Harness } from './support';

let h: Harness;
beforeAll(() => {
  h = createHarness();
});
afterAll(() => h.close());
jest.setTimeout(30_000);

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An app over its own verifier, as one more instance of the function would be. */
function instance(tokens: CachedTokenVerifier) {
  return createApp({ config: testConfig, db: h.db, auth: h.auth, log: () => undefined, tokens });
}

describe('the token cache', () => {
  it('when a user is disabled outside the API, then an instance that knew them refuses them once its few seconds are over', async () => {
    const ttlMs = 6000;
    const tokens = new CachedTokenVerifier(h.auth, { accountTtlMs: ttlMs });
    const app = instance(tokens);
    const user = await h.newUser();
    await request(app).get('/users/me').set(bearer(user.idToken)).expect(404);
    const cachedAt = Date.now();
    await h.auth.updateUser(user.uid, { disabled: true });
    // No record was written (the console, another SDK): the cached state is trusted for accountTtlMs.
    await request(app).get('/users/me').set(bearer(user.idToken)).expect(404);
    expect(Date.now() - cachedAt).toBeLessThan(ttlMs);
    await sleep(ttlMs - (Date.now() - cachedAt) + 100);
    const refused = await request(app).get('/users/me').set(bearer(user.idToken));
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('user-disabled');
  });

  it('when an admin revokes a user through one instance, then another instance that hears the records refuses them within 2 s', async () => {
    // The second instance has its own Firestore client and a cache that would otherwise hold for a minute.
    const other = initializeApp({ projectId: PROJECT_ID }, uniqueId('token-cache'));
    const tokens = new CachedTokenVerifier(getAuth(other), { accountTtlMs: 60_000 });
    const stop = tokens.watch(new RevocationRepository(getFirestore(other)), (error) => {
      throw error;
    });
    try {
      const second = instance(tokens);
      const [admin, user] = await Promise.all([h.newUser({ admin: true }), h.newUser()]);
      await request(second).get('/users/me').set(bearer(user.idToken)).expect(404);
      await sleep(1100); // revocation has one-second resolution: not in the sign-in's second

      await request(h.app).post(`/admin/users/${user.uid}/revoke`).set(bearer(admin.idToken)).expect(200);
      const revokedAt = Date.now();
      let status = 0;
      while (Date.now() - revokedAt < 2000) {
        status = (await request(second).get('/users/me').set(bearer(user.idToken))).status;
        if (status === 401) break;
        await sleep(50);
      }
      expect(status).toBe(401);
    } finally {
      stop();
      await deleteApp(other);
    }
  });

  it('when a token was verified, then a revoked session is still refused on its next request at the same instance', async () => {
    const [admin, user] = await Promise.all([h.newUser({ admin: true }), h.newUser()]);
    await request(h.app).get('/users/me').set(bearer(user.idToken)).expect(404);
    await request(h.app)
      .post(`/admin/users/${user.uid}/disable`)
      .set(bearer(admin.idToken))
      .send({ disabled: true })
      .expect(200);
    const refused = await request(h.app).get('/users/me').set(bearer(user.idToken));
    expect(refused.body.error.code).toBe('user-disabled');
    await request(h.app)
      .post(`/admin/users/${user.uid}/disable`)
      .set(bearer(admin.idToken))
      .send({ disabled: false })
      .expect(200);
    await request(h.app).get('/users/me').set(bearer(user.idToken)).expect(404);
  });
});
