import request from 'supertest';
import { unsignedToken } from '../../scripts/lib/auth-emulator';
import { createHarness, PROJECT_ID, PUBLIC_ROUTE, type Harness } from './support';

let h: Harness;
beforeAll(() => {
  h = createHarness();
});
afterAll(() => h.close());

/** Each rejected call must leave Firestore untouched and the server serving the next request. */
async function expectRejected(headers: Record<string, string>, status: number, code: string, uid?: string) {
  const res = await request(h.app).post('/users').set(headers).send({ displayName: 'Should not exist' });
  expect(res.status).toBe(status);
  expect(res.body.error).toMatchObject({ status, code, requestId: res.headers['x-request-id'] });
  if (uid) expect((await h.db.doc(`users/${uid}`).get()).exists).toBe(false);
  await request(h.app).get(PUBLIC_ROUTE).expect(200);
  return res;
}

describe('requireAuth', () => {
  it('when no token is sent, then 401 unauthenticated', async () => {
    const res = await expectRejected({}, 401, 'unauthenticated');
    expect(res.body.error.message).toContain('Authorization: Bearer');
  });

  it('when the header is not a bearer token, then 401 unauthenticated', async () => {
    await expectRejected({ Authorization: 'Basic YWxhZGRpbjpvcGVuc2VzYW1l' }, 401, 'unauthenticated');
  });

  it('when the token is malformed, then 401 unauthenticated', async () => {
    const res = await expectRejected({ Authorization: 'Bearer not.a.jwt' }, 401, 'unauthenticated');
    expect(res.body.error.message).toMatch(/malformed|invalid/i);
  });

  it('when the token has expired, then 401 token-expired', async () => {
    const user = await h.newUser();
    await expectRejected(
      { Authorization: `Bearer ${unsignedToken(PROJECT_ID, user.uid)}` },
      401,
      'token-expired',
      user.uid,
    );
  });

  it('when the token was revoked, then 401 token-revoked', async () => {
    const user = await h.newUser();
    // Revocation has one-second granularity: a token issued in the same second as the revocation stays valid.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await h.auth.revokeRefreshTokens(user.uid);
    await expectRejected({ Authorization: `Bearer ${user.idToken}` }, 401, 'token-revoked', user.uid);
  });

  it('when the user is disabled, then 403 user-disabled', async () => {
    const user = await h.newUser();
    await h.auth.updateUser(user.uid, { disabled: true });
    await expectRejected({ Authorization: `Bearer ${user.idToken}` }, 403, 'user-disabled', user.uid);
  });

  it('when the user was deleted, then 401 unauthenticated', async () => {
    const user = await h.newUser();
    await h.auth.deleteUser(user.uid);
    await expectRejected({ Authorization: `Bearer ${user.idToken}` }, 401, 'unauthenticated', user.uid);
  });

  it('when the token carries the admin claim, then the caller is an admin', async () => {
    const admin = await h.newUser({ admin: true });
    const res = await request(h.app)
      .get('/users')
      .set({ Authorization: `Bearer ${admin.idToken}` });
    expect(res.status).toBe(200);
  });
});
